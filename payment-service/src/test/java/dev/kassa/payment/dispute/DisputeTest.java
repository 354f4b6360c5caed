package dev.kassa.payment.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.payment.PaymentServiceTestBase;
import dev.kassa.payment.support.HttpApi;
import dev.kassa.payment.support.PspMock;
import dev.kassa.payment.support.WebhookSignatures;
import dev.kassa.testfixtures.TestKeys;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Disputes end to end with the PSP simulator: a payment made with Stripe's dispute test token is disputed by the PSP
 * at once; its {@code charge.dispute.*} webhooks open the dispute here, the merchant answers through
 * {@code /api/v1/disputes}, and the PSP's decision closes it. The order shows DISPUTED, then SUCCEEDED again (won) or
 * CHARGED_BACK (lost, accepted), and refunds follow.
 */
class DisputeTest extends PaymentServiceTestBase {

    @Test
    void aDisputedPaymentShowsDisputedRefusesRefundsAndOnlyItsMerchantAndOperatorsSeeIt() {
        Disputed disputed = disputedPayment("25.00");

        JsonNode dispute = api.get("/api/v1/disputes/" + disputed.disputeId()).json();
        assertThat(dispute.path("status").asString()).isEqualTo("NEEDS_RESPONSE");
        assertThat(dispute.path("reason").asString()).isEqualTo("fraudulent");
        assertThat(dispute.path("amount").asString()).isEqualTo("25.00");
        assertThat(dispute.path("payment_order_id").asString()).isEqualTo(disputed.orderId());
        assertThat(Instant.parse(dispute.path("evidence_due_by").asString())).isAfter(Instant.now());
        assertThat(order(disputed.orderId()).json().path("status").asString()).isEqualTo("DISPUTED");
        assertThat(refund(disputed.orderId()).status()).as("no refund while disputed").isEqualTo(409);
        assertThat(api.get("/api/v1/disputes?status=NEEDS_RESPONSE").json().valueStream()
                .map(row -> row.path("dispute_id").asString())).contains(disputed.disputeId());

        HttpApi other = newMerchant().api();
        assertThat(other.get("/api/v1/disputes/" + disputed.disputeId()).status()).isEqualTo(404);
        assertThat(other.post("/api/v1/disputes/" + disputed.disputeId() + "/accept", new byte[0], null).status())
                .isEqualTo(404);
        assertThat(other.get("/api/v1/disputes").json()).isEmpty();
        assertThat(operator.get("/api/v1/disputes/" + disputed.disputeId()).status()).isEqualTo(200);
    }

    @Test
    void onlyTheMerchantOrAnOperatorAnswersAndBadAnswersAreRefusedWithNothingChanged() {
        Disputed disputed = disputedPayment("6.00");
        String path = "/api/v1/disputes/" + disputed.disputeId();

        for (String key : new String[] {TestKeys.VIEWER, TestKeys.FINANCE}) {
            HttpApi reader = anonymous.as(key);
            assertThat(reader.get(path).status()).isEqualTo(200);
            assertThat(reader.postJson(path + "/evidence", "{\"evidence\": {\"uncategorized_text\": \"x\"}}").status())
                    .isEqualTo(403);
            assertThat(reader.post(path + "/accept", new byte[0], null).status()).isEqualTo(403);
        }
        assertThat(anonymous.get(path).status()).isEqualTo(401);
        assertRefused(api.postJson(path + "/evidence", "{\"evidence\": {}}"), 400, "evidence");
        assertRefused(api.postJson(path + "/evidence", "{\"evidence\": {\"Not-A-Field\": \"x\"}}"), 400, "evidence");
        // A field name of the right form that the PSP does not know: its refusal, as the caller's error.
        assertRefused(api.postJson(path + "/evidence", "{\"evidence\": {\"no_such_field\": \"x\"}}"), 400, "evidence");
        assertRefused(api.get("/api/v1/disputes?status=OPEN"), 400, "status");
        assertRefused(api.get("/api/v1/disputes?limit=0"), 400, "limit");
        assertThat(api.get("/api/v1/disputes/not%20an%20id").status()).isEqualTo(400);

        assertThat(status(disputed.disputeId())).isEqualTo("NEEDS_RESPONSE");
        assertThat(operator.get("/admin/audit?target_id=" + disputed.disputeId()).json()).isEmpty();
    }

    @Test
    void winningEvidenceWinsTheDisputeAndTheOrderMayBeRefundedAgain() {
        Disputed disputed = disputedPayment("30.00");

        HttpApi.Response submitted = evidence(disputed.disputeId(), "winning_evidence");

        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.json().path("status").asString()).isEqualTo("UNDER_REVIEW");
        assertThat(submitted.json().path("evidence_submitted_by").asString()).isEqualTo("merchant:" + merchant().merchantId());
        assertThat(evidence(disputed.disputeId(), "more").status()).as("answered already").isEqualTo(409);
        eventually().until(() -> status(disputed.disputeId()).equals("WON"));
        assertThat(order(disputed.orderId()).json().path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(refund(disputed.orderId()).status()).isEqualTo(202);
        assertThat(operator.get("/admin/audit?target_id=" + disputed.disputeId()).json().valueStream()
                .map(row -> row.path("action").asString())).containsExactly("DISPUTE_EVIDENCE_SUBMITTED");
    }

    @Test
    void losingEvidenceLosesTheDisputeAndTheOrderIsChargedBack() {
        Disputed disputed = disputedPayment("11.00");

        assertThat(evidence(disputed.disputeId(), "losing_evidence").status()).isEqualTo(200);

        eventually().until(() -> status(disputed.disputeId()).equals("LOST"));
        assertThat(order(disputed.orderId()).json().path("status").asString()).isEqualTo("CHARGED_BACK");
        assertThat(refund(disputed.orderId()).status()).isEqualTo(409);
    }

    @Test
    void theMerchantAcceptsADisputeOnceAndItStaysAcceptedWhenThePspCallsItLost() {
        Disputed disputed = disputedPayment("7.50");

        HttpApi.Response accepted = api.post("/api/v1/disputes/" + disputed.disputeId() + "/accept", new byte[0], null);

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.json().path("accepted_by").asString()).isEqualTo("merchant:" + merchant().merchantId());
        // The PSP's charge.dispute.closed (lost) comes after: the dispute stays ACCEPTED.
        eventually().until(() -> pspEvent("charge.dispute.closed", disputed.disputeId()) != null
                && webhookRecorded(pspEvent("charge.dispute.closed", disputed.disputeId())));
        assertThat(status(disputed.disputeId())).isEqualTo("ACCEPTED");
        assertThat(order(disputed.orderId()).json().path("status").asString()).isEqualTo("CHARGED_BACK");
        assertThat(evidence(disputed.disputeId(), "winning_evidence").status()).isEqualTo(409);
        assertThat(api.post("/api/v1/disputes/" + disputed.disputeId() + "/accept", new byte[0], null).status())
                .as("accepting again changes nothing").isEqualTo(200);
        assertThat(operator.get("/admin/audit?target_id=" + disputed.disputeId()).json().valueStream()
                .map(row -> row.path("action").asString())).containsExactly("DISPUTE_ACCEPTED");
    }

    @Test
    void duplicatedAndReorderedDisputeWebhooksChangeNothingTwice() {
        Disputed disputed = disputedPayment("9.00");
        psp().decideDispute(disputed.disputeId(), "won");
        eventually().until(() -> status(disputed.disputeId()).equals("WON"));
        Map<String, Object> created = pspEvent("charge.dispute.created", disputed.disputeId());
        String updatedAt = jdbc.sql("SELECT updated_at::text FROM dispute WHERE dispute_id = ?")
                .param(disputed.disputeId()).query(String.class).single();

        // The same event again (a PSP retry), and the opening as a new event arriving after the close (reordered).
        assertThat(deliver(created).status()).isEqualTo(200);
        Map<String, Object> late = new LinkedHashMap<>(created);
        late.put("id", created.get("id") + "_late");
        assertThat(deliver(late).status()).isEqualTo(200);

        assertThat(status(disputed.disputeId())).isEqualTo("WON");
        assertThat(jdbc.sql("SELECT updated_at::text FROM dispute WHERE dispute_id = ?").param(disputed.disputeId())
                .query(String.class).single()).as("not written again").isEqualTo(updatedAt);
        assertThat(jdbc.sql("SELECT count(*) FROM dispute WHERE payment_order_id = ?").param(disputed.orderId())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(order(disputed.orderId()).json().path("status").asString()).isEqualTo("SUCCEEDED");
    }

    private record Disputed(String orderId, String disputeId) {
    }

    /** A payment with Stripe's dispute test token: charged, then disputed by the PSP, and the dispute here. */
    private Disputed disputedPayment(String amount) {
        String orderId = id("po");
        HttpApi.Response created = api.postJson("/api/v1/payments", checkout(id("chk"), orderId, amount, "USD",
                "tok_createDispute"));
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        eventually().until(() -> jdbc.sql("SELECT count(*) FROM dispute WHERE payment_order_id = ?").param(orderId)
                .query(Long.class).single() == 1);
        String disputeId = jdbc.sql("SELECT dispute_id FROM dispute WHERE payment_order_id = ?").param(orderId)
                .query(String.class).single();
        eventually().until(() -> orderStatus(orderId).equals("SUCCEEDED"));
        return new Disputed(orderId, disputeId);
    }

    private static void assertRefused(HttpApi.Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("errors").valueStream().map(error -> error.path("field").asString()))
                .as(response.body()).anyMatch(name -> name.startsWith(field));
    }

    private HttpApi.Response evidence(String disputeId, String text) {
        return api.postJson("/api/v1/disputes/" + disputeId + "/evidence",
                "{\"evidence\": {\"uncategorized_text\": \"" + text + "\"}}");
    }

    private HttpApi.Response refund(String orderId) {
        return api.postJson("/api/v1/payment-orders/" + orderId + "/refunds",
                "{\"refund_id\": \"" + id("re") + "\", \"amount\": \"1.00\"}");
    }

    private String status(String disputeId) {
        return api.get("/api/v1/disputes/" + disputeId).json().path("status").asString();
    }

    /** The PSP's event of {@code type} about this dispute, or null. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> pspEvent(String type, String disputeId) {
        return psp().events(type).stream()
                .filter(event -> disputeId.equals(((Map<String, Object>) ((Map<String, Object>) event.get("data"))
                        .get("object")).get("id")))
                .findFirst().orElse(null);
    }

    private boolean webhookRecorded(Map<String, Object> event) {
        return jdbc.sql("SELECT count(*) FROM psp_webhook_event WHERE event_id = ?").param(event.get("id"))
                .query(Long.class).single() == 1;
    }

    /** Sends {@code event} to the webhook endpoint as the PSP does, signed now. */
    private HttpApi.Response deliver(Map<String, Object> event) {
        String body = HttpApi.json().writeValueAsString(event);
        return anonymous.post("/api/v1/webhooks/psp", body.getBytes(StandardCharsets.UTF_8), "application/json",
                "Stripe-Signature", WebhookSignatures.sign(PspMock.WEBHOOK_SECRET, Instant.now().getEpochSecond(), body));
    }
}
