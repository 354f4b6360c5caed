package dev.kassa.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.testfixtures.TestEvents;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The service starts for real against local-stack: its own migrated database and a live Kafka connection.
 * Shares the one test context of {@link LedgerIntegrationTest}.
 */
class LedgerServiceHealthTest extends LedgerIntegrationTest {

    @Test
    void healthIsUpWithDatabaseAndKafka() {
        Map<String, Object> health = http().get().uri("/actuator/health").retrieve().body(JSON);

        assertThat(health).containsEntry("status", "UP");
        Map<String, Object> components = (Map<String, Object>) health.get("components");
        assertThat(components.keySet()).contains("db", "kafka");
        assertThat((Map<String, Object>) components.get("db")).containsEntry("status", "UP");
        assertThat((Map<String, Object>) components.get("kafka")).containsEntry("status", "UP");
    }

    @Test
    void metricsArePublishedForPrometheus() {
        ledger().payment(TestEvents.id("po"),
                TestEvents.id("seller"), 1, "USD");

        String metrics = http().get().uri("/actuator/prometheus").retrieve().body(String.class);

        assertThat(metrics.lines().filter(line -> line.startsWith("kassa_ledger_postings_total{")))
                .anySatisfy(line -> assertThat(line).contains("kind=\"payment\"", "outcome=\"posted\""));
    }
}
