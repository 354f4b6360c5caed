package dev.kassa.reconciliation.support;

import dev.kassa.schemas.event.DisputeFeeBearer;
import dev.kassa.schemas.event.DisputeFundsReinstated;
import dev.kassa.schemas.event.DisputeFundsWithdrawn;
import dev.kassa.schemas.event.EntrySide;
import dev.kassa.schemas.event.JournalLine;
import dev.kassa.schemas.event.LedgerEntryKind;
import dev.kassa.schemas.event.LedgerTransactionRecorded;
import dev.kassa.schemas.event.WalletCredited;
import dev.kassa.schemas.event.WalletDebited;
import dev.kassa.testfixtures.TestEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A dispute of a test payment whose funds the PSP withdrew at {@code at}, and the events the platform's services
 * publish about its money (docs/architecture.md §15): payment-service's record, the seller's wallet debited the amount
 * (plus the fee when the seller bears it), the ledger's entry. A won dispute's money back is a {@link Reinstatement}.
 */
public record TestDispute(TestPayment payment, String disputeId, long amountMinor, long feeMinor,
                          DisputeFeeBearer bearer, Instant at) {

    /** The whole payment disputed, with {@code feeMinor} borne by {@code bearer}. */
    public static TestDispute of(TestPayment payment, long feeMinor, DisputeFeeBearer bearer, Instant at) {
        return new TestDispute(payment, "dp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24),
                payment.amountMinor(), feeMinor, bearer, at);
    }

    public TestDispute withAmount(long amount) {
        return new TestDispute(payment, disputeId, amount, feeMinor, bearer, at);
    }

    public String currency() {
        return payment.currency();
    }

    /** payment-service's record, built by the shared fixture, with this dispute's id, amount and time. */
    public DisputeFundsWithdrawn withdrawn() {
        return DisputeFundsWithdrawn.newBuilder(TestEvents.disputeFundsWithdrawn(payment.succeeded(), feeMinor, bearer))
                .setDisputeId(disputeId).setAmountMinor(amountMinor).setOccurredAt(at)
                .build();
    }

    public WalletDebited debited() {
        long debit = sellersShare(feeMinor);
        return WalletDebited.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(at.plusSeconds(1))
                .setPaymentOrderId(payment.orderId()).setCheckoutId(payment.checkoutId())
                .setSellerAccount(payment.seller()).setAmountMinor(debit).setCurrency(currency())
                .setRefundId(null).setDisputeId(disputeId)
                .setMovementId("mv-" + UUID.randomUUID()).setSourceEventId("src-w-" + disputeId)
                .setBalanceAfterMinor(payment.amountMinor() - debit)
                .build();
    }

    /** DR seller_payable A, CR psp_receivable A + F, DR the fee's bearer F (no fee line when F is 0). */
    public LedgerTransactionRecorded withdrawalRecorded() {
        List<JournalLine> lines = new ArrayList<>(List.of(
                payment.line("seller_payable:" + payment.seller(), EntrySide.DEBIT, amountMinor),
                payment.line("psp_receivable", EntrySide.CREDIT, amountMinor + feeMinor)));
        if (feeMinor > 0) {
            lines.add(payment.line(feeAccount(), EntrySide.DEBIT, feeMinor));
        }
        return entry(LedgerEntryKind.DISPUTE_FUNDS_WITHDRAWN, "src-w-" + disputeId, at.plusSeconds(2), lines);
    }

    /** The dispute won, its amount given back at {@code when} with {@code feeReturnedMinor} of the fee (0: kept). */
    public Reinstatement reinstatement(long feeReturnedMinor, Instant when) {
        return new Reinstatement(this, amountMinor, feeReturnedMinor, when);
    }

    /** What the seller's wallet and seller_payable move: the amount, and the fee when the seller bears it. */
    long sellersShare(long fee) {
        return amountMinor + (bearer == DisputeFeeBearer.SELLER ? fee : 0);
    }

    String feeAccount() {
        return bearer == DisputeFeeBearer.SELLER ? "seller_payable:" + payment.seller() : "dispute_fees";
    }

    LedgerTransactionRecorded entry(LedgerEntryKind kind, String sourceEventId, Instant when, List<JournalLine> lines) {
        return LedgerTransactionRecorded.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(when)
                .setPaymentOrderId(payment.orderId()).setCheckoutId(payment.checkoutId())
                .setSellerAccount(payment.seller()).setAmountMinor(amountMinor).setCurrency(currency())
                .setJournalEntryId("je-" + UUID.randomUUID()).setKind(kind).setRefundId(null).setDisputeId(disputeId)
                .setSourceEventId(sourceEventId).setLines(lines)
                .build();
    }

    /** A won dispute's money back, and the events about it. */
    public record Reinstatement(TestDispute dispute, long amountMinor, long feeReturnedMinor, Instant at) {

        public Reinstatement withAmount(long amount) {
            return new Reinstatement(dispute, amount, feeReturnedMinor, at);
        }

        public DisputeFundsReinstated reinstated() {
            return DisputeFundsReinstated.newBuilder(TestEvents.disputeFundsReinstated(dispute.withdrawn(),
                            feeReturnedMinor))
                    .setAmountMinor(amountMinor).setOccurredAt(at)
                    .build();
        }

        public WalletCredited credited() {
            long credit = amountMinor + (dispute.bearer() == DisputeFeeBearer.SELLER ? feeReturnedMinor : 0);
            return WalletCredited.newBuilder()
                    .setEventId(UUID.randomUUID().toString()).setOccurredAt(at.plusSeconds(1))
                    .setPaymentOrderId(dispute.payment().orderId()).setCheckoutId(dispute.payment().checkoutId())
                    .setSellerAccount(dispute.payment().seller()).setAmountMinor(credit).setCurrency(dispute.currency())
                    .setDisputeId(dispute.disputeId())
                    .setMovementId("mv-" + UUID.randomUUID()).setSourceEventId("src-r-" + dispute.disputeId())
                    .setBalanceAfterMinor(credit)
                    .build();
        }

        /** The mirror of the withdrawal's entry: DR psp_receivable A + F, CR seller_payable A, CR the bearer F. */
        public LedgerTransactionRecorded recorded() {
            TestPayment payment = dispute.payment();
            List<JournalLine> lines = new ArrayList<>(List.of(
                    payment.line("psp_receivable", EntrySide.DEBIT, amountMinor + feeReturnedMinor),
                    payment.line("seller_payable:" + payment.seller(), EntrySide.CREDIT, amountMinor)));
            if (feeReturnedMinor > 0) {
                lines.add(payment.line(dispute.feeAccount(), EntrySide.CREDIT, feeReturnedMinor));
            }
            return LedgerTransactionRecorded.newBuilder(dispute.entry(LedgerEntryKind.DISPUTE_FUNDS_REINSTATED,
                            "src-r-" + dispute.disputeId(), at.plusSeconds(2), lines))
                    .setAmountMinor(amountMinor)
                    .build();
        }
    }
}
