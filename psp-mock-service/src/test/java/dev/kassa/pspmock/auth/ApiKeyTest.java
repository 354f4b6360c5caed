package dev.kassa.pspmock.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import dev.kassa.pspmock.support.PspApi;
import dev.kassa.pspmock.support.PspApi.Response;
import dev.kassa.pspmock.support.PspIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeyTest extends PspIntegrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"/v1/payment_intents/pi_x", "/v1/events", "/v1/balance_transactions", "/admin/faults"})
    void missingKeyIs401(String path) {
        Response response = api.send(api.unauthorized(path).GET());

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().path("error").path("type").stringValue()).isEqualTo("invalid_request_error");
        assertThat(response.errorCode()).isEqualTo("api_key_missing");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer sk_test_wrong", "Bearer sk_test_kassa0", "Bearer sk_live_kassa",
            "Bearer opk_notAKeyAnyoneHas0000000000000000", "Bearer not-a-key", "Bearer ",
            "Basic c2tfdGVzdF9rYXNzYTo=", "sk_test_kassa"})
    void wrongKeyIs401(String authorization) {
        Response response = api.send(api.unauthorized("/v1/payment_intents")
                .header("Authorization", authorization).header("Idempotency-Key", PspApi.newKey())
                .POST(HttpRequest.BodyPublishers.ofString(PspApi.intentBody(100, "EUR", "tok_visa", "po-auth"))));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().path("error").path("type").stringValue()).isEqualTo("invalid_request_error");
        assertThat(response.errorCode()).isEqualTo("api_key_invalid");
    }
}
