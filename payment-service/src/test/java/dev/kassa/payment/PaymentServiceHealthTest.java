package dev.kassa.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.localstack.LocalStackSpring;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/** The service starts for real against local-stack: its own migrated database and a live Kafka connection. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PaymentServiceHealthTest {

    @DynamicPropertySource
    static void localStack(DynamicPropertyRegistry registry) {
        LocalStackSpring.register(registry, "payment");
    }

    @LocalServerPort
    int port;

    @Test
    void healthIsUpWithDatabaseAndKafka() {
        Map<?, ?> health = RestClient.create("http://127.0.0.1:" + port)
                .get().uri("/actuator/health")
                .retrieve().body(Map.class);

        assertThat(health).containsEntry("status", "UP");
        Map<?, ?> components = (Map<?, ?>) health.get("components");
        assertThat(components.keySet()).contains("db", "kafka");
        assertThat((Map<?, ?>) components.get("db")).containsEntry("status", "UP");
        assertThat((Map<?, ?>) components.get("kafka")).containsEntry("status", "UP");
    }
}
