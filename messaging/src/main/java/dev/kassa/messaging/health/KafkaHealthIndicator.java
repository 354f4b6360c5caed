package dev.kassa.messaging.health;

import dev.kassa.messaging.config.KafkaAccessDenials;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The {@code kafka} health component: UP when the cluster answers {@code describeCluster} within the
 * timeout and refuses this service's principal nothing it needs ({@link KafkaAccessDenials}). One long-lived admin
 * client serves every check, so a health probe costs one request, not a new connection.
 */
public class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private final Admin admin;
    private final Duration timeout;
    private final KafkaAccessDenials denials;

    public KafkaHealthIndicator(Admin admin, Duration timeout, KafkaAccessDenials denials) {
        super("Kafka health check failed");
        this.admin = admin;
        this.timeout = timeout;
        this.denials = denials;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        DescribeClusterResult cluster = admin.describeCluster(
                new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
        long millis = timeout.toMillis();
        String clusterId = cluster.clusterId().get(millis, TimeUnit.MILLISECONDS);
        Collection<Node> nodes = cluster.nodes().get(millis, TimeUnit.MILLISECONDS);
        builder.withDetail("clusterId", clusterId).withDetail("nodes", nodes.size());
        Map<String, KafkaAccessDenials.Denial> refused = denials.current();
        if (refused.isEmpty()) {
            builder.up();
        } else {
            builder.down().withDetail("refused", refused);
        }
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(2));
    }
}
