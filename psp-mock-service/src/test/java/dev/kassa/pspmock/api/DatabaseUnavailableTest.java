package dev.kassa.pspmock.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.kassa.pspmock.support.PspApi;
import dev.kassa.pspmock.support.PspApi.Response;
import dev.kassa.pspmock.support.PspIntegrationTest;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A PSP instance whose connection pool stays empty (its peers' load on top of its own while they restart) answers as
 * Stripe does when it cannot serve now: 503 {@code api_error} with {@code Stripe-Should-Retry}, which Stripe's SDKs
 * and payment-service retry with the same key, not a 500 that reads as a bug; and the retry, once connections are
 * free, does the work once.
 */
class DatabaseUnavailableTest extends PspIntegrationTest {

    @Autowired
    HikariDataSource dataSource;

    @Test
    void noConnectionInTimeIsA503ToRetryAndTheRetryWithTheSameKeyChargesOnce() throws Exception {
        String key = PspApi.newKey();
        String body = PspApi.intentBody(1_250, "EUR", "tok_visa", "po_pool_" + key);
        Response refused;
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < dataSource.getMaximumPoolSize(); i++) {
                held.add(dataSource.getConnection());
            }
            refused = api.post("/v1/payment_intents", key, body);
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }

        assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
        assertThat(refused.json().path("error").path("type").stringValue()).isEqualTo("api_error");
        assertThat(refused.errorCode()).isEqualTo("service_unavailable");
        assertThat(refused.headers().firstValue("Stripe-Should-Retry")).hasValue("true");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");

        Response retried = api.post("/v1/payment_intents", key, body);
        Response replayed = api.post("/v1/payment_intents", key, body);

        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.json().path("id").stringValue()).startsWith("pi_");
        assertThat(replayed.json().path("id").stringValue()).isEqualTo(retried.json().path("id").stringValue());
        assertThat(replayed.headers().firstValue(ApiResponse.REPLAYED_HEADER)).hasValue("true");
    }
}
