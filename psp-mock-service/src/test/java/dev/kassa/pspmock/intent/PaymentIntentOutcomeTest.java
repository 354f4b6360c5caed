package dev.kassa.pspmock.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import dev.kassa.pspmock.support.PspApi.Response;
import dev.kassa.pspmock.support.PspIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class PaymentIntentOutcomeTest extends PspIntegrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"tok_visa", "tok_mastercard"})
    void succeedingCardsChargeAtOnce(String token) {
        Response response = api.createIntent(2999, "eur", token);

        assertThat(response.status()).isEqualTo(200);
        JsonNode intent = response.json();
        assertThat(intent.path("id").stringValue()).startsWith("pi_");
        assertThat(intent.path("object").stringValue()).isEqualTo("payment_intent");
        assertThat(intent.path("amount").longValue()).isEqualTo(2999);
        assertThat(intent.path("currency").stringValue()).isEqualTo("eur");
        assertThat(intent.path("status").stringValue()).isEqualTo("succeeded");
        assertThat(intent.path("payment_method").stringValue()).isEqualTo(token);
        assertThat(intent.path("metadata").path("payment_order_id").stringValue()).startsWith("po-");
        assertThat(intent.path("created").longValue()).isPositive();
        assertThat(intent.has("last_payment_error")).isTrue();
        assertThat(intent.path("last_payment_error").isNull()).isTrue();

        JsonNode fetched = api.get("/v1/payment_intents/" + intent.path("id").stringValue()).json();
        assertThat(fetched).isEqualTo(intent);
    }

    @ParameterizedTest
    @CsvSource({
            "tok_chargeDeclined, card_declined, generic_decline",
            "tok_chargeDeclinedInsufficientFunds, card_declined, insufficient_funds",
            "tok_chargeDeclinedExpiredCard, expired_card, expired_card"})
    void decliningCardsAnswer402WithTheDeclineCode(String token, String code, String declineCode) {
        Response response = api.createIntent(1500, "EUR", token);

        assertThat(response.status()).isEqualTo(402);
        JsonNode error = response.json().path("error");
        assertThat(error.path("type").stringValue()).isEqualTo("card_error");
        assertThat(error.path("code").stringValue()).isEqualTo(code);
        assertThat(error.path("decline_code").stringValue()).isEqualTo(declineCode);
        assertThat(error.path("message").stringValue()).isNotBlank();
        JsonNode intent = error.path("payment_intent");
        assertThat(intent.path("status").stringValue()).isEqualTo("requires_payment_method");
        assertThat(intent.path("last_payment_error").path("decline_code").stringValue()).isEqualTo(declineCode);

        // The declined intent exists, and its failure was announced.
        String id = intent.path("id").stringValue();
        assertThat(api.get("/v1/payment_intents/" + id).json().path("status").stringValue())
                .isEqualTo("requires_payment_method");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(RECEIVER.deliveriesFor(id))
                .extracting(d -> d.type()).contains("payment_intent.payment_failed"));
    }

    @Test
    void asyncCardIsProcessingThenSucceedsByWebhook() {
        JsonNode intent = api.createIntent(4200, "EUR", "tok_async").json();
        String id = intent.path("id").stringValue();
        assertThat(intent.path("status").stringValue()).isEqualTo("processing");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(RECEIVER.deliveriesFor(id))
                .anySatisfy(d -> {
                    assertThat(d.type()).isEqualTo("payment_intent.succeeded");
                    assertThat(d.event().path("data").path("object").path("status").stringValue()).isEqualTo("succeeded");
                }));
        assertThat(api.get("/v1/payment_intents/" + id).json().path("status").stringValue()).isEqualTo("succeeded");
    }

    @Test
    void asyncDeclinedCardIsProcessingThenFailsByWebhook() {
        JsonNode intent = api.createIntent(4200, "EUR", "tok_asyncDeclined").json();
        String id = intent.path("id").stringValue();
        assertThat(intent.path("status").stringValue()).isEqualTo("processing");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(RECEIVER.deliveriesFor(id))
                .extracting(d -> d.type()).containsExactly("payment_intent.payment_failed"));
        JsonNode fetched = api.get("/v1/payment_intents/" + id).json();
        assertThat(fetched.path("status").stringValue()).isEqualTo("requires_payment_method");
        assertThat(fetched.path("last_payment_error").path("code").stringValue()).isEqualTo("card_declined");
    }

    @Test
    void otherPaymentMethodsFollowTheConfiguredSuccessProbability() {
        admin.post("/admin/outcomes", null, "{\"success_probability\": 1}");
        assertThat(api.createIntent(100, "USD", "pm_anything").json().path("status").stringValue()).isEqualTo("succeeded");

        admin.post("/admin/outcomes", null, "{\"success_probability\": 0}");
        Response declined = api.createIntent(100, "USD", "pm_anything");
        assertThat(declined.status()).isEqualTo(402);
        assertThat(declined.json().path("error").path("decline_code").stringValue()).isEqualTo("generic_decline");
    }

    @Test
    void unknownIntentIs404() {
        Response response = api.get("/v1/payment_intents/pi_doesnotexist");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo("resource_missing");
    }

    @Test
    void zeroDecimalCurrencyKeepsItsAmount() {
        JsonNode intent = api.createIntent(5000, "jpy", "tok_visa").json();

        assertThat(intent.path("amount").longValue()).isEqualTo(5000);
        assertThat(intent.path("currency").stringValue()).isEqualTo("jpy");
    }
}
