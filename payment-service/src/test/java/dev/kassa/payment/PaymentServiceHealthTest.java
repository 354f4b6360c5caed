package dev.kassa.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.payment.support.HttpApi;
import dev.kassa.testfixtures.TestKeys;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The service starts for real against local-stack: its own migrated database and a live Kafka connection. Anyone
 * may see whether it is UP; which component is what only every operator role.
 */
class PaymentServiceHealthTest extends PaymentServiceTestBase {

    @Test
    void healthIsUpWithDatabaseAndKafka() {
        for (String key : new String[] {TestKeys.OPERATOR, TestKeys.FINANCE, TestKeys.VIEWER}) {
            JsonNode health = anonymous.as(key).get("/actuator/health").json();

            assertThat(health.path("status").asString()).isEqualTo("UP");
            JsonNode components = health.path("components");
            assertThat(components.path("db").path("status").asString()).isEqualTo("UP");
            assertThat(components.path("kafka").path("status").asString()).isEqualTo("UP");
        }
    }

    @Test
    void withoutAnOperatorKeyHealthSaysOnlyUpOrDown() {
        for (HttpApi caller : new HttpApi[] {anonymous, api}) {
            HttpApi.Response health = caller.get("/actuator/health");

            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().path("status").asString()).isEqualTo("UP");
            assertThat(health.json().has("components")).as(health.body()).isFalse();
            assertThat(health.json().has("details")).as(health.body()).isFalse();
        }
    }
}
