package dev.kassa.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.kassa.client.ConflictException;
import dev.kassa.client.Dispute;
import dev.kassa.client.DisputeStatus;
import dev.kassa.client.PaymentOrder;
import dev.kassa.client.PaymentOrderStatus;
import dev.kassa.launcher.demo.CheckoutRequest;
import dev.kassa.launcher.demo.CheckoutRequest.Order;
import dev.kassa.systemtests.support.Ids;
import dev.kassa.systemtests.support.Kassa;
import dev.kassa.systemtests.support.SystemTest;
import dev.kassa.systemtests.support.Timeouts;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A chargeback's life through all five services (docs/architecture.md §15): psp-mock opens the dispute and withdraws
 * the money with its fee, payment-service keeps the dispute and publishes what the PSP did with the money, wallet and
 * ledger book it, reconciliation matches the settlement's dispute rows. After each test the shared system's
 * invariants are checked too (trial balance, each wallet equal to its seller_payable, every outbox drained).
 *
 * <p>The system runs with {@code kassa.disputes.fee-bearer} at its default, PLATFORM: the fee is the platform's
 * {@code dispute_fees} expense and the seller gives back only the disputed amount.
 */
@SystemTest
class DisputeFlowTest {

    /** psp-mock's default dispute fee in USD ({@code psp.settlement.dispute-fees}). */
    private static final long USD_DISPUTE_FEE = 1500;

    @Test
    void aWonDisputeTakesTheMoneyAndGivesItBack(Kassa kassa) {
        Disputed disputed = disputedPayment(kassa, "won", "40.00");

        Dispute underReview = kassa.disputes().submitEvidence(disputed.disputeId(), "winning_evidence");
        assertThat(underReview.status()).isEqualTo(DisputeStatus.UNDER_REVIEW);
        Dispute won = kassa.disputes().awaitOf(disputed.orderId(), "WON with its funds reinstated and booked",
                d -> d.status() == DisputeStatus.WON && d.fundsReinstatedAt() != null
                        && d.reinstatementBooked().wallet() && d.reinstatementBooked().ledger());

        assertThat(won.evidenceSubmittedBy()).startsWith("merchant:");
        assertThat(won.feeReturnedMinor()).as("psp-mock keeps the fee of a won dispute by default").isZero();
        awaitBooks(kassa, disputed.seller(), 4000);
        assertThat(kassa.payments().order(disputed.orderId()).status()).isEqualTo(PaymentOrderStatus.SUCCEEDED);
        assertThat(kassa.books().walletMovements(disputed.seller()))
                .extracting(m -> m.path("kind").asString() + " " + m.path("amount_minor").asLong() + " "
                        + m.path("dispute_id").asString(""))
                .containsExactlyInAnyOrder("CREDIT 4000 ", "DEBIT 4000 " + disputed.disputeId(),
                        "CREDIT 4000 " + disputed.disputeId());
        assertThat(kassa.books().ledgerEntries(disputed.orderId()))
                .extracting(e -> e.path("kind").asString())
                .containsExactly("PAYMENT", "DISPUTE_FUNDS_WITHDRAWN", "DISPUTE_FUNDS_REINSTATED");
        assertThat(kassa.psp().settlementRows(today()))
                .filteredOn(row -> row.contains(disputed.disputeId()))
                .extracting(row -> row.split(",")[5])
                .containsExactlyInAnyOrder("-4000", "4000");
        awaitCleanReconciliation(kassa);
    }

    @Test
    void aLostDisputeKeepsTheMoneyWithdrawnAndTheOrderTakesNoRefund(Kassa kassa) {
        Disputed disputed = disputedPayment(kassa, "lost", "25.00");

        kassa.disputes().submitEvidence(disputed.disputeId(), "losing_evidence");
        kassa.disputes().awaitOf(disputed.orderId(), "LOST", d -> d.status() == DisputeStatus.LOST);

        PaymentOrder order = kassa.payments().awaitOrder(disputed.orderId(), "CHARGED_BACK",
                o -> o.status() == PaymentOrderStatus.CHARGED_BACK);
        assertThat(order.status()).isEqualTo(PaymentOrderStatus.CHARGED_BACK);
        String refundId = Ids.forTest("lostrefund").refund();
        assertThatThrownBy(() -> kassa.payments().refund(disputed.orderId(), refundId, "1.00"))
                .as("a refund of money the dispute took")
                .isInstanceOfSatisfying(ConflictException.class, refused ->
                        assertThat(refused.problem().reasonFor("payment_order_id")).isNotBlank());
        assertThat(kassa.payments().order(disputed.orderId()).refunds()).as("refunds of the charged-back order")
                .isEmpty();
        assertThat(kassa.disputes().get(disputed.disputeId()).fundsReinstatedAt()).isNull();
        awaitBooks(kassa, disputed.seller(), 0);
        assertThat(kassa.books().ledgerEntries(disputed.orderId())).extracting(e -> e.path("kind").asString())
                .containsExactly("PAYMENT", "DISPUTE_FUNDS_WITHDRAWN");
        awaitCleanReconciliation(kassa);
    }

    @Test
    void aDisputeTheMerchantAcceptsIsChargedBack(Kassa kassa) {
        Disputed disputed = disputedPayment(kassa, "accepted", "12.34");

        Dispute accepted = kassa.disputes().accept(disputed.disputeId());

        assertThat(accepted.status()).isEqualTo(DisputeStatus.ACCEPTED);
        assertThat(accepted.acceptedBy()).startsWith("merchant:");
        kassa.payments().awaitOrder(disputed.orderId(), "CHARGED_BACK",
                o -> o.status() == PaymentOrderStatus.CHARGED_BACK);
        // The PSP's own "closed" webhook (lost) leaves an accepted dispute ACCEPTED and gives nothing back.
        await("the PSP's charge.dispute.closed of " + disputed.disputeId()).atMost(Timeouts.SETTLE)
                .until(() -> !disputeEvents(kassa, disputed.disputeId(), "charge.dispute.closed").isEmpty());
        assertThat(kassa.disputes().get(disputed.disputeId()).status()).isEqualTo(DisputeStatus.ACCEPTED);
        awaitBooks(kassa, disputed.seller(), 0);
        assertThat(kassa.books().walletMovements(disputed.seller()))
                .extracting(m -> m.path("kind").asString() + " " + m.path("amount_minor").asLong())
                .containsExactlyInAnyOrder("CREDIT 1234", "DEBIT 1234");
        awaitCleanReconciliation(kassa);
    }

    @Test
    void duplicatedAndReorderedDisputeWebhooksChangeNothingTwice(Kassa kassa) {
        Disputed disputed = disputedPayment(kassa, "redelivered", "60.00");
        kassa.disputes().submitEvidence(disputed.disputeId(), "winning_evidence");
        kassa.disputes().awaitOf(disputed.orderId(), "WON with its funds reinstated",
                d -> d.status() == DisputeStatus.WON && d.fundsReinstatedAt() != null);
        awaitBooks(kassa, disputed.seller(), 6000);
        List<JsonNode> events = new ArrayList<>();
        for (String type : List.of("charge.dispute.created", "charge.dispute.funds_withdrawn",
                "charge.dispute.updated", "charge.dispute.closed", "charge.dispute.funds_reinstated")) {
            events.addAll(disputeEvents(kassa, disputed.disputeId(), type));
        }
        assertThat(events).hasSizeGreaterThanOrEqualTo(5);

        // Every event twice, the last first: funds reinstated before funds withdrawn, closed before created.
        for (JsonNode event : events.reversed()) {
            for (int copy = 0; copy < 2; copy++) {
                assertThat(kassa.webhooks().deliverSigned(event.toString()).status())
                        .as("redelivery of %s", event.path("type").asString()).isEqualTo(200);
            }
        }

        assertThat(kassa.disputes().get(disputed.disputeId()).status()).isEqualTo(DisputeStatus.WON);
        assertThat(kassa.books().walletMovements(disputed.seller())).hasSize(3);
        assertThat(kassa.books().ledgerEntries(disputed.orderId())).hasSize(3);
        awaitBooks(kassa, disputed.seller(), 6000);
        awaitCleanReconciliation(kassa);
    }

    @Test
    void aDisputeRowThePlatformDoesNotKnowIsFoundUntilItsWebhooksArrive(Kassa kassa) {
        Ids ids = Ids.forTest("unknowndispute");
        String seller = ids.seller("s");
        CheckoutRequest checkout = CheckoutRequest.of(ids.checkout(), "tok_visa", new Order(ids.order(), seller, "17.00", "USD"));
        kassa.payments().accept(checkout);
        kassa.payments().awaitCompleted(checkout.checkoutId());
        String intent = kassa.payments().order(checkout.order().paymentOrderId()).pspReference();

        String disputeId;
        try {
            kassa.psp().setFaults(Map.of("webhook_outage", true));
            disputeId = kassa.psp().openDispute(intent).path("id").asString();
            JsonNode report = kassa.books().reconcile(today());
            assertThat(report.path("discrepancies"))
                    .filteredOn(d -> disputeId.equals(d.path("dispute_id").asString()))
                    .extracting(d -> d.path("type").asString())
                    .containsExactly("DISPUTE_UNKNOWN");
        } finally {
            kassa.psp().resetFaults();
        }

        // The PSP delivers the withheld webhooks on its backoff; once booked, the day reconciles clean again.
        kassa.disputes().awaitOf(checkout.order().paymentOrderId(), "with its funds withdrawn",
                d -> d.fundsWithdrawnAt() != null);
        awaitBooks(kassa, seller, 0);
        awaitCleanReconciliation(kassa);
    }

    /** A succeeded payment that psp-mock's dispute test card disputes at once, with its funds withdrawn and booked. */
    private static Disputed disputedPayment(Kassa kassa, String name, String amount) {
        Ids ids = Ids.forTest("dispute" + name);
        String seller = ids.seller("s");
        CheckoutRequest checkout = CheckoutRequest.of(ids.checkout(), "tok_createDispute",
                new Order(ids.order(), seller, amount, "USD"));
        String orderId = checkout.order().paymentOrderId();
        long fees = kassa.books().accountBalance("dispute_fees", "USD");

        kassa.payments().accept(checkout);
        kassa.payments().awaitCompleted(checkout.checkoutId());
        Dispute dispute = kassa.disputes().awaitOf(orderId, "with its funds withdrawn and booked",
                d -> d.fundsWithdrawnAt() != null && d.withdrawalBooked().wallet() && d.withdrawalBooked().ledger());

        assertThat(dispute.status()).isEqualTo(DisputeStatus.NEEDS_RESPONSE);
        assertThat(dispute.amount()).isEqualTo(amount);
        assertThat(dispute.feeMinor()).isEqualTo(USD_DISPUTE_FEE);
        assertThat(dispute.feeBearer()).isEqualTo("PLATFORM");
        assertThat(kassa.payments().order(orderId).status()).isEqualTo(PaymentOrderStatus.DISPUTED);
        awaitBooks(kassa, seller, 0);
        await("the dispute fee in dispute_fees").atMost(Timeouts.SETTLE)
                .until(() -> kassa.books().accountBalance("dispute_fees", "USD") >= fees + USD_DISPUTE_FEE);
        return new Disputed(orderId, seller, dispute.disputeId());
    }

    private record Disputed(String orderId, String seller, String disputeId) {
    }

    /** The PSP's events of {@code type} about one dispute. */
    private static List<JsonNode> disputeEvents(Kassa kassa, String disputeId, String type) {
        return kassa.psp().events(type).stream()
                .filter(e -> disputeId.equals(e.path("data").path("object").path("id").asString()))
                .toList();
    }

    /** Wallet and seller_payable both show {@code expected} USD (each consumes payment.results on its own). */
    private static void awaitBooks(Kassa kassa, String seller, long expected) {
        await(seller + " wallet and seller_payable at " + expected).atMost(Timeouts.SETTLE).until(() ->
                kassa.books().walletBalance(seller, "USD") == expected
                        && kassa.books().sellerPayable(seller, "USD") == expected);
    }

    /** Today's reconciliation finds nothing unexplained (the projection may lag a moment behind the books). */
    private static void awaitCleanReconciliation(Kassa kassa) {
        JsonNode report = await("a clean reconciliation of " + today()).atMost(Timeouts.SETTLE)
                .until(() -> kassa.books().reconcile(today()),
                        r -> "COMPLETED".equals(r.path("status").asString()) && r.path("discrepancy_count").asLong(-1) == 0);
        assertThat(StreamSupport.stream(report.path("totals").spliterator(), false)
                .filter(t -> "USD".equals(t.path("currency").asString())))
                .singleElement().satisfies(usd -> assertThat(usd.path("psp_dispute_count").asLong(0))
                        .as("dispute rows in the day's USD totals").isPositive());
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
