package dev.kassa.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.reconciliation.support.ReconciliationTestBase;
import dev.kassa.reconciliation.support.ReportClient;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** The service starts for real against local-stack: its own migrated database and a live Kafka connection. */
class ReconciliationServiceHealthTest extends ReconciliationTestBase {

    @Test
    void healthIsUpWithDatabaseAndKafka() {
        JsonNode health = ReportClient.json(RestClient.create("http://127.0.0.1:" + port)
                .get().uri("/actuator/health")
                .retrieve().body(String.class));

        assertThat(health.get("status").asString()).isEqualTo("UP");
        JsonNode components = health.get("components");
        assertThat(components.get("db").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("kafka").get("status").asString()).isEqualTo("UP");
    }

    @Test
    void metricsAreExposedForPrometheus() {
        String metrics = RestClient.create("http://127.0.0.1:" + port)
                .get().uri("/actuator/prometheus")
                .retrieve().body(String.class);

        assertThat(metrics).contains("kassa_outbox_unsent");
    }
}
