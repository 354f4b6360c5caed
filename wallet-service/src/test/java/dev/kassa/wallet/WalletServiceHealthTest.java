package dev.kassa.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.testfixtures.TestKeys;
import dev.kassa.wallet.support.WalletServiceTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

/**
 * The service starts for real against local-stack: its own migrated database and a live Kafka connection, as an
 * operator sees them (anyone else sees UP or DOWN only: WalletAccessTest).
 */
class WalletServiceHealthTest extends WalletServiceTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT =
            new ParameterizedTypeReference<>() { };

    @Test
    @SuppressWarnings("unchecked")
    void healthIsUpWithDatabaseAndKafka() {
        Map<String, Object> health = RestClient.create("http://127.0.0.1:" + port)
                .get().uri("/actuator/health").header(HttpHeaders.AUTHORIZATION, TestKeys.bearer(TestKeys.VIEWER))
                .retrieve().body(JSON_OBJECT);

        assertThat(health).containsEntry("status", "UP");
        Map<String, Object> components = (Map<String, Object>) health.get("components");
        assertThat(components).containsKeys("db", "kafka");
        assertThat((Map<String, Object>) components.get("db")).containsEntry("status", "UP");
        assertThat((Map<String, Object>) components.get("kafka")).containsEntry("status", "UP");
    }
}
