package dev.kassa.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.reconciliation.support.ReconciliationTestBase;
import dev.kassa.reconciliation.support.ReportClient;
import dev.kassa.testfixtures.TestKeys;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The service starts for real against local-stack: its own migrated database and a live Kafka connection, as an
 * operator sees them (anyone else sees UP or DOWN only: ReconciliationAccessTest).
 */
class ReconciliationServiceHealthTest extends ReconciliationTestBase {

    @Test
    void healthIsUpWithDatabaseAndKafka() {
        JsonNode health = ReportClient.json(client(TestKeys.VIEWER).get("/actuator/health").getBody());

        assertThat(health.get("status").asString()).isEqualTo("UP");
        JsonNode components = health.get("components");
        assertThat(components.get("db").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("kafka").get("status").asString()).isEqualTo("UP");
    }

    @Test
    void metricsAreExposedForPrometheus() {
        String metrics = client(TestKeys.VIEWER).get("/actuator/prometheus").getBody();

        assertThat(metrics).contains("kassa_outbox_unsent");
    }
}
