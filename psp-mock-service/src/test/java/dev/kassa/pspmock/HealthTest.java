package dev.kassa.pspmock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.pspmock.support.PspApi.Response;
import dev.kassa.pspmock.support.PspIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class HealthTest extends PspIntegrationTest {

    @Test
    void healthIsUpWithTheDatabaseAndNeedsNoKey() {
        Response response = api.send(api.unauthorized("/actuator/health").GET());

        assertThat(response.status()).isEqualTo(200);
        JsonNode health = response.json();
        assertThat(health.path("status").stringValue()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").stringValue()).isEqualTo("UP");
        assertThat(health.path("components").has("kafka")).isFalse();
    }

    @Test
    void metricsAreExposedForPrometheus() {
        api.createIntent(100, "EUR", "tok_visa");

        Response response = api.send(api.unauthorized("/actuator/prometheus").GET());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("psp_payment_intents_total{outcome=\"succeeded\"}").contains("hikaricp_connections");
    }
}
