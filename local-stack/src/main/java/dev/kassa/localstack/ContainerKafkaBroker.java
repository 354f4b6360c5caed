package dev.kassa.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.common.acl.AclBinding;

import org.testcontainers.kafka.KafkaContainer;

/** {@link KafkaBroker} as an {@code apache/kafka} container; outages are the embedded broker's to simulate. */
final class ContainerKafkaBroker implements KafkaBroker {

    private final KafkaContainer container;
    private final KafkaAdministration topics;

    private ContainerKafkaBroker(KafkaContainer container) {
        this.container = container;
        this.topics = new KafkaAdministration(Map.of("bootstrap.servers", container.getBootstrapServers()));
    }

    static ContainerKafkaBroker start(Options options) {
        KafkaContainer container = ContainerImages.kafka(options.defaultPartitions());
        container.start();
        return new ContainerKafkaBroker(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public boolean secured() {
        return false;
    }

    @Override
    public KafkaCredentials superUser() {
        throw new UnsupportedOperationException("The container broker has no SASL users (secured() is false)");
    }

    @Override
    public Map<String, Object> superUserClientProperties() {
        return Map.of("bootstrap.servers", bootstrapServers());
    }

    @Override
    public Map<String, Object> clientProperties(KafkaCredentials principal) {
        return superUserClientProperties();
    }

    @Override
    public void upsertUsers(Collection<KafkaCredentials> users) {
        throw new UnsupportedOperationException("The container broker has no SASL users (secured() is false)");
    }

    @Override
    public void createAcls(Collection<AclBinding> acls) {
        throw new UnsupportedOperationException("The container broker has no authorizer (secured() is false)");
    }

    @Override
    public int port() {
        String servers = bootstrapServers();
        return Integer.parseInt(servers.substring(servers.lastIndexOf(':') + 1));
    }

    @Override
    public Path dataDir() {
        throw embeddedOnly("dataDir()");
    }

    @Override
    public boolean isRunning() {
        return container.isRunning();
    }

    @Override
    public void createTopics(Map<String, Integer> partitionsByTopic) {
        topics.createMissing(partitionsByTopic, Duration.ofSeconds(30));
    }

    @Override
    public void stop() {
        throw embeddedOnly("stop()");
    }

    @Override
    public void restart() {
        throw embeddedOnly("restart()");
    }

    @Override
    public void close() {
        topics.close();
        container.stop();
    }

    @Override
    public String toString() {
        return "ContainerKafkaBroker[" + ContainerImages.KAFKA + ", " + bootstrapServers() + "]";
    }

    static UnsupportedOperationException embeddedOnly(String operation) {
        return new UnsupportedOperationException(operation + " needs the embedded servers (kassa.stack=embedded): "
                + "a container's restart moves its port and its data stays inside it");
    }
}
