package dev.kassa.payment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The service starts for real against local-stack: its own migrated database and a live Kafka connection. */
class PaymentServiceHealthTest extends PaymentServiceTestBase {

    @Test
    void healthIsUpWithDatabaseAndKafka() {
        JsonNode health = api.get("/actuator/health").json();

        assertThat(health.path("status").asString()).isEqualTo("UP");
        JsonNode components = health.path("components");
        assertThat(components.path("db").path("status").asString()).isEqualTo("UP");
        assertThat(components.path("kafka").path("status").asString()).isEqualTo("UP");
    }
}
