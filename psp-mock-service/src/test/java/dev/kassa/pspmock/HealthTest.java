package dev.kassa.pspmock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.pspmock.support.PspApi.Response;
import dev.kassa.pspmock.support.PspIntegrationTest;
import dev.kassa.testfixtures.TestKeys;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class HealthTest extends PspIntegrationTest {

    @Test
    void healthIsOpenButShowsItsComponentsOnlyToOperators() {
        Response anonymous = api.send(api.unauthorized("/actuator/health").GET());

        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().path("status").stringValue()).isEqualTo("UP");
        assertThat(anonymous.json().has("components")).isFalse();

        Response viewer = api.as(TestKeys.VIEWER).get("/actuator/health");

        assertThat(viewer.status()).isEqualTo(200);
        JsonNode health = viewer.json();
        assertThat(health.path("components").path("db").path("status").stringValue()).isEqualTo("UP");
        assertThat(health.path("components").has("kafka")).isFalse();
    }

    @Test
    void metricsAreExposedForPrometheusToOperatorsOnly() {
        api.createIntent(100, "EUR", "tok_visa");

        assertThat(api.send(api.unauthorized("/actuator/prometheus").GET()).status()).isEqualTo(401);
        assertThat(api.get("/actuator/prometheus").status()).isEqualTo(403);
        Response response = api.as(TestKeys.VIEWER).get("/actuator/prometheus");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("psp_payment_intents_total{outcome=\"succeeded\"}").contains("hikaricp_connections");
    }
}
