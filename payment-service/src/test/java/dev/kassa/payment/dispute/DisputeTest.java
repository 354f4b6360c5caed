package dev.kassa.payment.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.payment.PaymentServiceTestBase;
import dev.kassa.payment.janitor.Janitor;
import dev.kassa.payment.support.HttpApi;
import dev.kassa.payment.support.PspMock;
import dev.kassa.payment.support.WebhookSignatures;
import dev.kassa.schemas.Topics;
import dev.kassa.schemas.event.DisputeFeeBearer;
import dev.kassa.schemas.event.DisputeFundsReinstated;
import dev.kassa.schemas.event.DisputeFundsWithdrawn;
import dev.kassa.schemas.event.EntrySide;
import dev.kassa.schemas.event.JournalLine;
import dev.kassa.schemas.event.LedgerEntryKind;
import dev.kassa.schemas.event.LedgerTransactionRecorded;
import dev.kassa.schemas.event.WalletCredited;
import dev.kassa.schemas.event.WalletDebited;
import dev.kassa.testfixtures.TestKeys;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Disputes end to end with the PSP simulator: a payment made with Stripe's dispute test token is disputed by the PSP
 * at once; its {@code charge.dispute.*} webhooks open the dispute here, the merchant answers through
 * {@code /api/v1/disputes}, and the PSP's decision closes it. The order shows DISPUTED, then SUCCEEDED again (won) or
 * CHARGED_BACK (lost, accepted), and refunds follow. The money the PSP moved goes to {@code payment.results} once each:
 * {@code DisputeFundsWithdrawn} when a dispute opens, {@code DisputeFundsReinstated} only when it is won, whatever
 * order and however often its webhooks arrive.
 */
class DisputeTest extends PaymentServiceTestBase {

    /** psp-mock's dispute fee in USD ({@code psp.settlement.dispute-fees}); it keeps the fee of a won dispute. */
    private static final long USD_DISPUTE_FEE = 1500;

    @Autowired
    Janitor janitor;

    @Autowired
    DisputeProperties properties;

    @Test
    void aDisputedPaymentShowsDisputedRefusesRefundsAndOnlyItsMerchantAndOperatorsSeeIt() {
        Disputed disputed = disputedPayment("25.00");

        JsonNode dispute = api.get("/api/v1/disputes/" + disputed.disputeId()).json();
        assertThat(dispute.path("status").asString()).isEqualTo("NEEDS_RESPONSE");
        assertThat(dispute.path("reason").asString()).isEqualTo("fraudulent");
        assertThat(dispute.path("amount").asString()).isEqualTo("25.00");
        assertThat(dispute.path("payment_order_id").asString()).isEqualTo(disputed.orderId());
        assertThat(Instant.parse(dispute.path("evidence_due_by").asString())).isAfter(Instant.now());
        assertThat(dispute.path("fee_minor").asLong()).isEqualTo(USD_DISPUTE_FEE);
        assertThat(dispute.path("fee_bearer").asString()).isEqualTo("PLATFORM");
        assertThat(Instant.parse(dispute.path("funds_withdrawn_at").asString())).isBefore(Instant.now());
        assertThat(dispute.path("funds_reinstated_at").isNull()).isTrue();
        assertThat(dispute.path("fee_returned_minor").isNull()).isTrue();
        assertThat(dispute.path("withdrawal_booked").path("wallet").asBoolean()).isFalse();
        DisputeFundsWithdrawn withdrawn = (DisputeFundsWithdrawn) awaitRecords(disputed.orderId(),
                "PaymentOrderSucceeded", "DisputeFundsWithdrawn").get(1);
        assertThat(withdrawn.getDisputeId()).isEqualTo(disputed.disputeId());
        assertThat(withdrawn.getAmountMinor()).isEqualTo(2500);
        assertThat(withdrawn.getCurrency()).isEqualTo("USD");
        assertThat(withdrawn.getFeeMinor()).isEqualTo(USD_DISPUTE_FEE);
        assertThat(withdrawn.getFeeBearer()).isEqualTo(DisputeFeeBearer.PLATFORM);
        assertThat(withdrawn.getSellerAccount()).isEqualTo("seller_1");
        assertThat(withdrawn.getCheckoutId()).isEqualTo(disputed.checkoutId());
        assertThat(withdrawn.getPspReference()).isEqualTo(dispute.path("psp_reference").asString())
                .isEqualTo(pspReference(disputed.orderId()));
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
        JsonNode won = api.get("/api/v1/disputes/" + disputed.disputeId()).json();
        assertThat(Instant.parse(won.path("funds_reinstated_at").asString()))
                .isAfterOrEqualTo(Instant.parse(won.path("funds_withdrawn_at").asString()));
        assertThat(won.path("fee_returned_minor").asLong()).as("psp-mock keeps the fee").isZero();
        DisputeFundsReinstated reinstated = (DisputeFundsReinstated) awaitRecords(disputed.orderId(),
                "PaymentOrderSucceeded", "DisputeFundsWithdrawn", "DisputeFundsReinstated").get(2);
        assertThat(reinstated.getDisputeId()).isEqualTo(disputed.disputeId());
        assertThat(reinstated.getAmountMinor()).isEqualTo(3000);
        assertThat(reinstated.getFeeMinor()).isZero();
        assertThat(reinstated.getFeeBearer()).isEqualTo(DisputeFeeBearer.PLATFORM);
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
        assertNothingReinstated(disputed);
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
        assertNothingReinstated(disputed);
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

        // Every event of the dispute again, the last first (reinstated before withdrawn, closed before created), each
        // as it was and as a new event: the money went out once each, the withdrawal first.
        List<Map<String, Object>> all = new ArrayList<>();
        for (String type : List.of("charge.dispute.created", "charge.dispute.funds_withdrawn", "charge.dispute.closed",
                "charge.dispute.funds_reinstated")) {
            all.add(pspEvent(type, disputed.disputeId()));
        }
        assertThat(all).doesNotContainNull();
        for (Map<String, Object> event : all.reversed()) {
            Map<String, Object> copy = new LinkedHashMap<>(event);
            copy.put("id", event.get("id") + "_again");
            assertThat(deliver(event).status()).isEqualTo(200);
            assertThat(deliver(copy).status()).isEqualTo(200);
        }
        assertRecordsStay(disputed.orderId(), "PaymentOrderSucceeded", "DisputeFundsWithdrawn", "DisputeFundsReinstated");
        assertThat(jdbc.sql("SELECT updated_at::text FROM dispute WHERE dispute_id = ?").param(disputed.disputeId())
                .query(String.class).single()).as("not written again").isEqualTo(updatedAt);
    }

    @Test
    void aReversalDeliveredBeforeItsWithdrawalPublishesBothInOrderAndTheFeeItGaveBack() {
        // The PSP's webhooks are held back: the charge is answered synchronously, its dispute stays unknown here.
        psp().faults("webhook_outage", true);
        String orderId = id("po");
        api.postJson("/api/v1/payments", checkout(id("chk"), orderId, "12.00", "USD", "tok_createDispute"));
        eventually().until(() -> orderStatus(orderId).equals("SUCCEEDED"));
        String intent = pspReference(orderId);
        eventually().until(() -> pspEventOfIntent("charge.dispute.created", intent) != null);
        String disputeId = (String) object(pspEventOfIntent("charge.dispute.created", intent)).get("id");
        psp().decideDispute(disputeId, "won");
        eventually().until(() -> pspEvent("charge.dispute.funds_reinstated", disputeId) != null);

        // The last event first, as a PSP that returns the fee shows it (a negative fee on the reversal).
        Map<String, Object> reinstatedEvent = pspEvent("charge.dispute.funds_reinstated", disputeId);
        balanceTransactions(reinstatedEvent).stream()
                .filter(txn -> "dispute_reversal".equals(txn.get("reporting_category")))
                .forEach(txn -> txn.put("fee", -USD_DISPUTE_FEE));
        assertThat(jdbc.sql("SELECT count(*) FROM dispute WHERE dispute_id = ?").param(disputeId)
                .query(Long.class).single()).isZero();
        assertThat(deliver(reinstatedEvent).status()).isEqualTo(200);

        assertThat(status(disputeId)).isEqualTo("WON");
        List<SpecificRecord> records = awaitRecords(orderId, "PaymentOrderSucceeded", "DisputeFundsWithdrawn",
                "DisputeFundsReinstated");
        assertThat(((DisputeFundsWithdrawn) records.get(1)).getFeeMinor()).isEqualTo(USD_DISPUTE_FEE);
        assertThat(((DisputeFundsReinstated) records.get(2)).getFeeMinor()).as("the fee given back")
                .isEqualTo(USD_DISPUTE_FEE);
        assertThat(api.get("/api/v1/disputes/" + disputeId).json().path("fee_returned_minor").asLong())
                .isEqualTo(USD_DISPUTE_FEE);

        // The PSP delivers what it held back (created, funds_withdrawn, closed, funds_reinstated): nothing more.
        psp().resetFaults();
        eventually().until(() -> jdbc.sql("SELECT count(*) FROM psp_webhook_event WHERE object_id = ?")
                .param(disputeId).query(Long.class).single() == 4);
        assertRecordsStay(orderId, "PaymentOrderSucceeded", "DisputeFundsWithdrawn", "DisputeFundsReinstated");
    }

    @Test
    void aDisputesMoneyWaitsForItsChargesResultSoTheBooksGetThePaymentFirst() {
        psp().faults("webhook_outage", true);
        String orderId = id("po");
        api.postJson("/api/v1/payments", checkout(id("chk"), orderId, "14.00", "USD", "tok_async"));
        eventually().until(() -> pspReference(orderId) != null);
        String intent = pspReference(orderId);
        eventually().until(() -> "succeeded".equals(psp().intent(intent).get("status")));
        String disputeId = psp().openDispute(intent);
        eventually().until(() -> pspEvent("charge.dispute.created", disputeId) != null);
        assertThat(orderStatus(orderId)).as("the charge's own webhook is held back").isEqualTo("EXECUTING");

        // The dispute's webhook before the charge's result: refused for now, nothing written.
        HttpApi.Response early = deliver(pspEvent("charge.dispute.created", disputeId));

        assertThat(early.status()).as(early.body()).isEqualTo(503);
        assertThat(jdbc.sql("SELECT count(*) FROM dispute WHERE dispute_id = ?").param(disputeId)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM psp_webhook_event WHERE object_id = ?").param(disputeId)
                .query(Long.class).single()).as("not deduplicated: it must come again").isZero();

        // The janitor applies the charge's result; the same event delivered again now opens the dispute.
        eventually().until(() -> {
            janitor.runOnce();
            return orderStatus(orderId).equals("SUCCEEDED");
        });
        assertThat(deliver(pspEvent("charge.dispute.created", disputeId)).status()).isEqualTo(200);
        assertThat(status(disputeId)).isEqualTo("NEEDS_RESPONSE");
        awaitRecords(orderId, "PaymentOrderSucceeded", "DisputeFundsWithdrawn");
        psp().resetFaults();
        eventually().until(() -> jdbc.sql("SELECT count(*) FROM psp_webhook_event WHERE object_id = ?")
                .param(disputeId).query(Long.class).single() == 2);
        assertRecordsStay(orderId, "PaymentOrderSucceeded", "DisputeFundsWithdrawn");
    }

    @Test
    void walletAndLedgerConfirmationsOfADisputeAreItsOwnAndConfirmNoPayment() {
        Disputed disputed = disputedPayment("4.00");
        psp().decideDispute(disputed.disputeId(), "won");
        eventually().until(() -> !api.get("/api/v1/disputes/" + disputed.disputeId()).json()
                .path("funds_reinstated_at").isNull());
        String orderId = disputed.orderId();
        String disputeId = disputed.disputeId();

        List<SpecificRecord> confirmations = List.of(
                walletDebited(disputed, disputeId, 400),
                ledgerRecorded(disputed, LedgerEntryKind.DISPUTE_FUNDS_WITHDRAWN, disputeId, 400),
                walletCredited(disputed, disputeId, 400),
                ledgerRecorded(disputed, LedgerEntryKind.DISPUTE_FUNDS_REINSTATED, disputeId, 400),
                // Naming a dispute that is not ours, or nothing at all: acknowledged, nothing to confirm.
                ledgerRecorded(disputed, LedgerEntryKind.DISPUTE_FUNDS_WITHDRAWN, id("du_foreign"), 400),
                ledgerRecorded(disputed, LedgerEntryKind.DISPUTE_FUNDS_REINSTATED, null, 400),
                walletDebited(disputed, null, 400));
        for (SpecificRecord confirmation : confirmations) {
            events().send(confirmation.getSchema().getName().startsWith("Wallet") ? Topics.WALLET_EVENTS
                    : Topics.LEDGER_EVENTS, orderId, confirmation);
        }

        // Every one handled (its inbox row commits with its effect; a refused one would have none).
        List<String> eventIds = confirmations.stream().map(r -> String.valueOf(r.get(0))).toList();
        eventually().until(() -> jdbc.sql("SELECT count(*) FROM processed_message WHERE event_id = ANY (?)")
                .param(eventIds.toArray(String[]::new)).query(Long.class).single() == confirmations.size());
        JsonNode dispute = api.get("/api/v1/disputes/" + disputeId).json();
        assertThat(dispute.path("withdrawal_booked").toString()).isEqualTo("{\"wallet\":true,\"ledger\":true}");
        assertThat(dispute.path("reinstatement_booked").toString()).isEqualTo("{\"wallet\":true,\"ledger\":true}");
        // The money back is not the payment's credit: the order waits for its own confirmations.
        JsonNode order = order(orderId).json();
        assertThat(order.path("wallet_updated").asBoolean()).isFalse();
        assertThat(order.path("ledger_updated").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/payments/" + disputed.checkoutId()).json().path("status").asString())
                .isEqualTo("PROCESSING");
    }

    @Test
    void whoBearsTheFeeIsASettingPlatformByDefaultOverriddenByTheEnvironment() {
        assertThat(properties.feeBearer()).isEqualTo(DisputeFeeBearer.PLATFORM);
        Binder environment = new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource("env",
                Map.of("KASSA_DISPUTES_FEE_BEARER", "SELLER"))));
        assertThat(environment.bind("kassa.disputes", DisputeProperties.class).get().feeBearer())
                .isEqualTo(DisputeFeeBearer.SELLER);
    }

    private record Disputed(String checkoutId, String orderId, String disputeId) {
    }

    /** A payment with Stripe's dispute test token: charged, then disputed by the PSP, and the dispute here. */
    private Disputed disputedPayment(String amount) {
        String checkoutId = id("chk");
        String orderId = id("po");
        HttpApi.Response created = api.postJson("/api/v1/payments", checkout(checkoutId, orderId, amount, "USD",
                "tok_createDispute"));
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        eventually().until(() -> jdbc.sql("SELECT count(*) FROM dispute WHERE payment_order_id = ?").param(orderId)
                .query(Long.class).single() == 1);
        String disputeId = jdbc.sql("SELECT dispute_id FROM dispute WHERE payment_order_id = ?").param(orderId)
                .query(String.class).single();
        eventually().until(() -> orderStatus(orderId).equals("SUCCEEDED"));
        eventually().until(() -> jdbc.sql("SELECT funds_withdrawn_at IS NOT NULL FROM dispute WHERE dispute_id = ?")
                .param(disputeId).query(Boolean.class).single());
        return new Disputed(checkoutId, orderId, disputeId);
    }

    /** A lost or accepted dispute: its funds stay withdrawn, and only the withdrawal went out. */
    private void assertNothingReinstated(Disputed disputed) {
        JsonNode dispute = api.get("/api/v1/disputes/" + disputed.disputeId()).json();
        assertThat(dispute.path("funds_withdrawn_at").isNull()).isFalse();
        assertThat(dispute.path("funds_reinstated_at").isNull()).isTrue();
        assertRecordsStay(disputed.orderId(), "PaymentOrderSucceeded", "DisputeFundsWithdrawn");
    }

    /** Waits until the order's records on payment.results are {@code types}, in that order, and returns them. */
    private static List<SpecificRecord> awaitRecords(String orderId, String... types) {
        eventually().until(() -> recordTypes(orderId), found -> found.size() >= types.length);
        assertThat(recordTypes(orderId)).containsExactly(types);
        return paymentResults().forKey(orderId);
    }

    /** The order's records are {@code types} and stay so (nothing published late, twice or out of order). */
    private static void assertRecordsStay(String orderId, String... types) {
        awaitRecords(orderId, types);
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> recordTypes(orderId).equals(List.of(types)));
    }

    private static List<String> recordTypes(String orderId) {
        return paymentResults().forKey(orderId).stream().map(r -> r.getSchema().getName()).toList();
    }

    private String pspReference(String orderId) {
        return jdbc.sql("SELECT psp_reference FROM payment_order WHERE payment_order_id = ?").param(orderId)
                .query(String.class).optional().orElse(null);
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

    /** The PSP's event of {@code type} about the dispute of this payment intent, or null. */
    private Map<String, Object> pspEventOfIntent(String type, String paymentIntent) {
        return psp().events(type).stream().filter(event -> paymentIntent.equals(object(event).get("payment_intent")))
                .findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> event) {
        return (Map<String, Object>) ((Map<String, Object>) event.get("data")).get("object");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> balanceTransactions(Map<String, Object> event) {
        return (List<Map<String, Object>>) object(event).get("balance_transactions");
    }

    /** wallet-service's debit of the seller for a dispute's withdrawal ({@code disputeId} null: a malformed one). */
    private static WalletDebited walletDebited(Disputed disputed, String disputeId, long amount) {
        return WalletDebited.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setPaymentOrderId(disputed.orderId()).setCheckoutId(disputed.checkoutId()).setSellerAccount("seller_1")
                .setAmountMinor(amount).setCurrency("USD").setRefundId(null).setDisputeId(disputeId)
                .setMovementId(UUID.randomUUID().toString()).setSourceEventId(UUID.randomUUID().toString())
                .setBalanceAfterMinor(-amount)
                .build();
    }

    /** wallet-service's credit of a won dispute's money back. */
    private static WalletCredited walletCredited(Disputed disputed, String disputeId, long amount) {
        return WalletCredited.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setPaymentOrderId(disputed.orderId()).setCheckoutId(disputed.checkoutId()).setSellerAccount("seller_1")
                .setAmountMinor(amount).setCurrency("USD").setDisputeId(disputeId)
                .setMovementId(UUID.randomUUID().toString()).setSourceEventId(UUID.randomUUID().toString())
                .setBalanceAfterMinor(0)
                .build();
    }

    /** ledger-service's entry for a dispute's money (the fee left out: the platform's, and not what is tested). */
    private static LedgerTransactionRecorded ledgerRecorded(Disputed disputed, LedgerEntryKind kind, String disputeId,
                                                            long amount) {
        boolean withdrawn = kind == LedgerEntryKind.DISPUTE_FUNDS_WITHDRAWN;
        return LedgerTransactionRecorded.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setPaymentOrderId(disputed.orderId()).setCheckoutId(disputed.checkoutId()).setSellerAccount("seller_1")
                .setAmountMinor(amount).setCurrency("USD").setJournalEntryId(UUID.randomUUID().toString())
                .setKind(kind).setRefundId(null).setDisputeId(disputeId).setSourceEventId(UUID.randomUUID().toString())
                .setLines(List.of(
                        new JournalLine("seller_payable:seller_1", withdrawn ? EntrySide.DEBIT : EntrySide.CREDIT,
                                amount, "USD"),
                        new JournalLine("psp_receivable", withdrawn ? EntrySide.CREDIT : EntrySide.DEBIT, amount, "USD")))
                .build();
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
