package dev.kassa.messaging.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.kassa.messaging.config.KafkaAccessDenials;
import dev.kassa.messaging.support.SpringMessagingTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The {@code kafka} component of {@code /actuator/health}. */
class KafkaHealthTest extends SpringMessagingTest {

    @Autowired
    WebApplicationContext context;

    @Test
    void healthShowsKafkaUpWithTheCluster() throws Exception {
        MockMvcBuilders.webAppContextSetup(context).build().perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.kafka.status").value("UP"))
                .andExpect(jsonPath("$.components.kafka.details.nodes").value(1))
                .andExpect(jsonPath("$.components.db.status").value("UP"));
    }

    @Test
    void kafkaIsDownWhenNoBrokerAnswersInTime() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 500, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 500));
        KafkaHealthIndicator indicator = new KafkaHealthIndicator(admin, Duration.ofMillis(500), new KafkaAccessDenials());
        try {
            assertThat(indicator.health(true).getStatus()).isEqualTo(Status.DOWN);
        } finally {
            indicator.destroy();
        }
    }

    @Test
    void kafkaIsDownWhileTheBrokerRefusesThisServiceSomethingAndSaysWhat() {
        KafkaAccessDenials denials = new KafkaAccessDenials();
        KafkaHealthIndicator indicator = new KafkaHealthIndicator(Admin.create(superUser()), Duration.ofSeconds(5),
                denials);
        try {
            assertThat(indicator.health(true).getStatus()).isEqualTo(Status.UP);

            assertThat(denials.recordIfDenied("outbox relay", new IllegalStateException("batch not acknowledged",
                    new TopicAuthorizationException(Set.of("payment.results"))))).isTrue();
            assertThat(denials.recordIfDenied("listener x", new IllegalStateException("a timeout"))).isFalse();
            Health health = indicator.health(true);
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails().get("refused").toString()).contains("outbox relay", "payment.results");

            denials.clear("outbox relay");
            assertThat(indicator.health(true).getStatus()).isEqualTo(Status.UP);
        } finally {
            indicator.destroy();
        }
    }
}
