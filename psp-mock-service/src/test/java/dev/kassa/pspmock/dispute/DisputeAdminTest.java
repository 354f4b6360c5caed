package dev.kassa.pspmock.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import dev.kassa.pspmock.support.PspApi;
import dev.kassa.pspmock.support.PspApi.Response;
import dev.kassa.pspmock.support.PspIntegrationTest;
import dev.kassa.pspmock.support.WebhookReceiver.Delivery;
import dev.kassa.testfixtures.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * The simulator's dispute switches ({@code /admin/disputes}): an operator opens a dispute on any succeeded charge and
 * decides it at once; every refusal is a 4xx that says what is wrong and changes nothing.
 */
class DisputeAdminTest extends PspIntegrationTest {

    private String charged(long amount, String currency) {
        Response response = api.createIntent(amount, currency, "tok_visa");
        assertThat(response.json().path("status").stringValue()).isEqualTo("succeeded");
        return response.json().path("id").stringValue();
    }

    private Response open(String body) {
        return admin.post("/admin/disputes", null, body);
    }

    private Response decide(String disputeId, String outcome) {
        return admin.post("/admin/disputes/" + disputeId + "/decide", null, "{\"outcome\": \"" + outcome + "\"}");
    }

    private static List<String> typesDelivered(String disputeId) {
        return RECEIVER.deliveriesFor(disputeId).stream().map(Delivery::type).toList();
    }

    @Test
    void anOperatorOpensADisputeOnAnyChargeAndDecidesItWon() {
        String intent = charged(8_000, "EUR");

        Response opened = open("{\"payment_intent\": \"" + intent + "\", \"amount\": 3000, \"reason\": \"product_unacceptable\"}");

        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        JsonNode dispute = opened.json();
        String id = dispute.path("id").stringValue();
        assertThat(id).startsWith("dp_");
        assertThat(dispute.path("status").stringValue()).isEqualTo("needs_response");
        assertThat(dispute.path("amount").longValue()).isEqualTo(3_000);
        assertThat(dispute.path("currency").stringValue()).isEqualTo("eur");
        assertThat(dispute.path("reason").stringValue()).isEqualTo("product_unacceptable");
        assertThat(dispute.path("payment_intent").stringValue()).isEqualTo(intent);
        assertThat(dispute.path("charge").stringValue()).isEqualTo("ch_" + intent.substring(3));
        assertThat(dispute.path("balance_transactions")).singleElement().satisfies(txn -> {
            assertThat(txn.path("amount").longValue()).isEqualTo(-3_000);
            assertThat(txn.path("fee").longValue()).isEqualTo(1_500); // EUR 15.00
            assertThat(txn.path("net").longValue()).isEqualTo(-4_500);
        });
        assertThat(api.get("/v1/disputes/" + id).json()).isEqualTo(dispute);
        await().atMost(Duration.ofSeconds(10)).until(() -> typesDelivered(id)
                .containsAll(List.of("charge.dispute.created", "charge.dispute.funds_withdrawn")));

        Response won = decide(id, "won");

        assertThat(won.status()).as(won.toString()).isEqualTo(200);
        assertThat(won.json().path("status").stringValue()).isEqualTo("won");
        assertThat(won.json().path("balance_transactions")).hasSize(2);
        assertThat(won.json().path("balance_transactions").get(1).path("reporting_category").stringValue())
                .isEqualTo("dispute_reversal");
        assertThat(won.json().path("balance_transactions").get(1).path("amount").longValue()).isEqualTo(3_000);
        await().atMost(Duration.ofSeconds(10)).until(() -> typesDelivered(id)
                .containsAll(List.of("charge.dispute.closed", "charge.dispute.funds_reinstated")));

        Response again = decide(id, "lost");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.errorCode()).isEqualTo("dispute_already_closed");
        assertThat(api.get("/v1/disputes/" + id).json().path("status").stringValue()).isEqualTo("won");
        assertThat(typesDelivered(id)).containsOnlyOnce("charge.dispute.closed", "charge.dispute.funds_reinstated");
    }

    @Test
    void decidingLostUnderReviewCancelsTheDecisionItsEvidenceScheduled() {
        String intent = charged(1_000, "USD");
        String id = open("{\"payment_intent\": \"" + intent + "\"}").json().path("id").stringValue();
        Response submitted = api.postForm("/v1/disputes/" + id, PspApi.newKey(),
                "evidence[uncategorized_text]=winning_evidence");
        assertThat(submitted.json().path("status").stringValue()).isEqualTo("under_review");

        Response lost = decide(id, "lost");

        assertThat(lost.json().path("status").stringValue()).isEqualTo("lost");
        // Past the decision its evidence had scheduled (psp.disputes.decision-delay, 300 ms): still lost, closed once.
        await().during(Duration.ofMillis(900)).atMost(Duration.ofSeconds(5)).until(() ->
                api.get("/v1/disputes/" + id).json().path("status").stringValue().equals("lost"));
        assertThat(typesDelivered(id)).doesNotContain("charge.dispute.funds_reinstated");
        await().atMost(Duration.ofSeconds(10)).until(() -> typesDelivered(id).contains("charge.dispute.closed"));
        assertThat(typesDelivered(id)).containsOnlyOnce("charge.dispute.closed");
    }

    @Test
    void theDefaultsDisputeWhatWasChargedAndNotRefunded() {
        String intent = charged(5_000, "USD");
        assertThat(api.refund(intent, 1_200).status()).isEqualTo(200);

        JsonNode dispute = open("{\"payment_intent\": \"" + intent + "\"}").json();

        assertThat(dispute.path("amount").longValue()).isEqualTo(3_800);
        assertThat(dispute.path("reason").stringValue()).isEqualTo("fraudulent");
        // The refund of a charge a dispute holds is refused, as Stripe refuses it.
        Response refund = api.refund(intent, 100);
        assertThat(refund.status()).isEqualTo(400);
        assertThat(refund.errorCode()).isEqualTo("charge_disputed");
        assertThat(api.get("/v1/payment_intents/" + intent).json().path("amount_refunded").longValue())
                .isEqualTo(1_200);
    }

    @Test
    void refusalsSayWhatIsWrongAndChangeNothing() {
        String intent = charged(2_000, "EUR");
        String declined = api.createIntent(2_000, "EUR", "tok_chargeDeclined").json().path("error")
                .path("payment_intent").path("id").stringValue();
        String refunded = charged(700, "EUR");
        assertThat(api.refund(refunded, 700).status()).isEqualTo(200);

        expect(open("{\"payment_intent\": \"pi_unknown\"}"), 404, "resource_missing", "payment_intent");
        expect(open("{\"payment_intent\": \"" + declined + "\"}"), 400, "payment_intent_unexpected_state",
                "payment_intent");
        expect(open("{\"payment_intent\": \"" + intent + "\", \"amount\": 2001}"), 400, "amount_too_large", "amount");
        expect(open("{\"payment_intent\": \"" + refunded + "\"}"), 400, "charge_already_refunded", "payment_intent");
        expect(open("{\"amount\": 100}"), 400, "parameter_missing", "payment_intent");
        expect(open("{\"payment_intent\": \"" + intent + "\", \"reason\": \"boredom\"}"), 400, "parameter_invalid",
                "reason");
        expect(open("{\"payment_intent\": \"" + intent + "\", \"colour\": \"red\"}"), 400, "parameter_unknown",
                "colour");
        assertThat(api.get("/v1/disputes?payment_intent=" + intent).json().path("data")).isEmpty();

        assertThat(open("{\"payment_intent\": \"" + intent + "\", \"amount\": 2000}").status()).isEqualTo(201);
        expect(open("{\"payment_intent\": \"" + intent + "\", \"amount\": 1}"), 400, "charge_already_disputed",
                "payment_intent");
        assertThat(api.get("/v1/disputes?payment_intent=" + intent).json().path("data")).hasSize(1);

        expect(decide("dp_unknown", "won"), 404, "resource_missing", "id");
        String id = api.get("/v1/disputes?payment_intent=" + intent).json().path("data").get(0).path("id").stringValue();
        expect(decide(id, "maybe"), 400, "parameter_invalid", "outcome");
        expect(admin.post("/admin/disputes/" + id + "/decide", null, "{}"), 400, "parameter_missing", "outcome");
        assertThat(api.get("/v1/disputes/" + id).json().path("status").stringValue()).isEqualTo("needs_response");
    }

    @Test
    void onlyTheOperatorMayOpenOrDecide() {
        String intent = charged(900, "EUR");
        for (String key : new String[] {TestKeys.FINANCE, TestKeys.VIEWER, PspApi.SECRET_KEY}) {
            Response response = api.as(key).post("/admin/disputes", null, "{\"payment_intent\": \"" + intent + "\"}");
            assertThat(response.status()).as(key).isEqualTo(403);
            assertThat(response.errorCode()).isEqualTo("forbidden");
            assertThat(api.as(key).post("/admin/disputes/dp_x/decide", null, "{\"outcome\": \"won\"}").status())
                    .isEqualTo(403);
        }
        assertThat(api.send(api.unauthorized("/admin/disputes").POST(java.net.http.HttpRequest.BodyPublishers
                .ofString("{}"))).status()).isEqualTo(401);
        assertThat(api.get("/v1/disputes?payment_intent=" + intent).json().path("data")).isEmpty();
    }

    @Test
    void evidencePastItsDueDateIsRefusedButTheDisputeMayStillBeAccepted() {
        String intent = charged(1_300, "EUR");
        long past = Instant.now().minusSeconds(60).getEpochSecond();
        JsonNode opened = open("{\"payment_intent\": \"" + intent + "\", \"evidence_due_by\": " + past + "}").json();
        String id = opened.path("id").stringValue();
        assertThat(opened.path("evidence_details").path("due_by").longValue()).isEqualTo(past);

        Response late = api.postForm("/v1/disputes/" + id, PspApi.newKey(), "evidence[receipt]=file_123");

        assertThat(late.status()).isEqualTo(400);
        assertThat(late.errorCode()).isEqualTo("dispute_past_due");
        JsonNode unchanged = api.get("/v1/disputes/" + id).json();
        assertThat(unchanged.path("evidence").path("receipt").isNull()).isTrue();
        assertThat(unchanged.path("evidence_details").path("submission_count").intValue()).isZero();
        Response accepted = api.postForm("/v1/disputes/" + id + "/close", PspApi.newKey(), "");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().path("status").stringValue()).isEqualTo("lost");
    }

    /** The dispute fee is set in major units and lands in each currency's minor unit. */
    @ParameterizedTest(name = "{1} {0} -> fee {2}")
    @CsvSource({
            "5000, JPY, 1500",   // psp.settlement.dispute-fees.currencies.JPY: 1500 (no minor unit)
            "5000, USD, 1500",   // USD: 15.00
            "5000, GBP, 2000",   // GBP: 20.00
            "5000, KWD, 15000",  // standard 15 in a three-decimal currency
            "5000, CHF, 1500"})  // standard 15
    void theDisputeFeeIsInTheCurrencysMinorUnit(long amount, String currency, long fee) {
        String intent = charged(amount, currency);

        JsonNode withdrawal = open("{\"payment_intent\": \"" + intent + "\"}").json().path("balance_transactions").get(0);

        assertThat(withdrawal.path("currency").stringValue()).isEqualTo(currency.toLowerCase());
        assertThat(withdrawal.path("amount").longValue()).isEqualTo(-amount);
        assertThat(withdrawal.path("fee").longValue()).isEqualTo(fee);
        assertThat(withdrawal.path("net").longValue()).isEqualTo(-amount - fee);
        assertThat(withdrawal.path("fee_details").get(0).path("amount").longValue()).isEqualTo(fee);
    }

    private static void expect(Response response, int status, String code, String param) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().path("error").path("type").stringValue()).isEqualTo("invalid_request_error");
        assertThat(response.errorCode()).as(response.toString()).isEqualTo(code);
        assertThat(response.errorParam()).as(response.toString()).isEqualTo(param);
        assertThat(response.json().path("error").path("message").stringValue()).isNotBlank();
    }
}
