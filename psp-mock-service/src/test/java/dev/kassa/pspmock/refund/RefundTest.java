package dev.kassa.pspmock.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import dev.kassa.pspmock.support.PspApi;
import dev.kassa.pspmock.support.PspApi.Response;
import dev.kassa.pspmock.support.PspIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RefundTest extends PspIntegrationTest {

    @Test
    void refundOfACardPaymentSucceedsAtOnceWithItsWebhook() {
        String intentId = succeededIntent(5000, "tok_visa");

        Response response = api.refund(intentId, 2000);

        assertThat(response.status()).isEqualTo(200);
        JsonNode refund = response.json();
        assertThat(refund.path("id").stringValue()).startsWith("re_");
        assertThat(refund.path("object").stringValue()).isEqualTo("refund");
        assertThat(refund.path("status").stringValue()).isEqualTo("succeeded");
        assertThat(refund.path("amount").longValue()).isEqualTo(2000);
        assertThat(refund.path("payment_intent").stringValue()).isEqualTo(intentId);
        assertThat(refund.path("charge").stringValue()).isEqualTo("ch_" + intentId.substring(3));
        assertThat(refund.path("currency").stringValue()).isEqualTo("eur");
        String refundId = refund.path("id").stringValue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(RECEIVER.deliveriesFor(refundId))
                .extracting(d -> d.type()).containsExactly("refund.created"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                RECEIVER.deliveriesFor("ch_" + intentId.substring(3))).singleElement().satisfies(d -> {
                    assertThat(d.type()).isEqualTo("charge.refunded");
                    JsonNode charge = d.event().path("data").path("object");
                    assertThat(charge.path("object").stringValue()).isEqualTo("charge");
                    assertThat(charge.path("payment_intent").stringValue()).isEqualTo(intentId);
                    assertThat(charge.path("amount_refunded").longValue()).isEqualTo(2000);
                    assertThat(charge.path("refunded").booleanValue()).isFalse();
                }));
        assertThat(api.get("/v1/refunds/" + refundId).json()).isEqualTo(refund);
    }

    @Test
    void refundsNeverExceedTheChargedAmount() {
        String intentId = succeededIntent(5000, "tok_visa");
        assertThat(api.refund(intentId, 3000).status()).isEqualTo(200);

        Response tooMuch = api.refund(intentId, 2001);
        Response rest = api.post("/v1/refunds", PspApi.newKey(), "{\"payment_intent\": \"" + intentId + "\"}");
        Response nothingLeft = api.refund(intentId, 1);

        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(tooMuch.errorCode()).isEqualTo("amount_too_large");
        assertThat(tooMuch.errorParam()).isEqualTo("amount");
        assertThat(rest.status()).isEqualTo(200);
        assertThat(rest.json().path("amount").longValue()).isEqualTo(2000);
        assertThat(nothingLeft.status()).isEqualTo(400);
        assertThat(nothingLeft.errorCode()).isEqualTo("charge_already_refunded");
        assertThat(api.get("/v1/payment_intents/" + intentId).json().path("amount_refunded").longValue()).isEqualTo(5000);
    }

    @Test
    void refundOfAnAsyncPaymentIsPendingThenSucceeds() {
        String intentId = api.createIntent(3000, "EUR", "tok_async").json().path("id").stringValue();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                api.get("/v1/payment_intents/" + intentId).json().path("status").stringValue().equals("succeeded"));

        JsonNode refund = api.refund(intentId, 3000).json();

        assertThat(refund.path("status").stringValue()).isEqualTo("pending");
        String refundId = refund.path("id").stringValue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(RECEIVER.deliveriesFor(refundId))
                .extracting(d -> d.type()).containsExactlyInAnyOrder("refund.created", "refund.updated"));
        assertThat(RECEIVER.deliveriesFor(refundId)).filteredOn(d -> d.type().equals("refund.updated")).singleElement()
                .satisfies(d -> assertThat(d.event().path("data").path("object").path("status").stringValue())
                        .isEqualTo("succeeded"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                RECEIVER.deliveriesFor("ch_" + intentId.substring(3))).extracting(d -> d.type())
                .containsExactly("charge.refunded"));
        assertThat(api.get("/v1/refunds/" + refundId).json().path("status").stringValue()).isEqualTo("succeeded");
    }

    @Test
    void refundThatFailsGivesTheAmountBack() {
        String intentId = succeededIntent(3000, "tok_refundFail");

        JsonNode refund = api.refund(intentId, 3000).json();

        assertThat(refund.path("status").stringValue()).isEqualTo("pending");
        String refundId = refund.path("id").stringValue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(RECEIVER.deliveriesFor(refundId))
                .extracting(d -> d.type()).containsExactlyInAnyOrder("refund.created", "refund.failed"));
        JsonNode failed = api.get("/v1/refunds/" + refundId).json();
        assertThat(failed.path("status").stringValue()).isEqualTo("failed");
        assertThat(failed.path("failure_reason").stringValue()).isNotBlank();
        assertThat(api.get("/v1/payment_intents/" + intentId).json().path("amount_refunded").longValue()).isZero();
    }

    @Test
    void onlySucceededPaymentsCanBeRefunded() {
        String declinedId = api.createIntent(1000, "EUR", "tok_chargeDeclined").json()
                .path("error").path("payment_intent").path("id").stringValue();

        Response response = api.refund(declinedId, 100);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("payment_intent_unexpected_state");
    }

    @Test
    void refundOfAnUnknownPaymentIs404() {
        Response response = api.refund("pi_unknown", 100);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo("resource_missing");
        assertThat(response.errorParam()).isEqualTo("payment_intent");
    }

    @Test
    void refundIsIdempotentErrorsIncluded() {
        String intentId = succeededIntent(1000, "tok_visa");
        String key = PspApi.newKey();
        String body = "{\"payment_intent\": \"" + intentId + "\", \"amount\": 400}";

        Response first = api.post("/v1/refunds", key, body);
        Response replay = api.post("/v1/refunds", key, body);
        String tooMuchKey = PspApi.newKey();
        String tooMuch = "{\"payment_intent\": \"" + intentId + "\", \"amount\": 900}";
        Response rejected = api.post("/v1/refunds", tooMuchKey, tooMuch);
        Response rejectedAgain = api.post("/v1/refunds", tooMuchKey, tooMuch);

        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejectedAgain.status()).isEqualTo(400);
        assertThat(rejectedAgain.body()).isEqualTo(rejected.body());
        assertThat(api.get("/v1/payment_intents/" + intentId).json().path("amount_refunded").longValue()).isEqualTo(400);
    }

    @Test
    void refundsOfUnknownIdAre404() {
        assertThat(api.get("/v1/refunds/re_unknown").status()).isEqualTo(404);
    }

    private String succeededIntent(long amount, String token) {
        Response response = api.createIntent(amount, "EUR", token);
        assertThat(response.json().path("status").stringValue()).isEqualTo("succeeded");
        return response.json().path("id").stringValue();
    }
}
