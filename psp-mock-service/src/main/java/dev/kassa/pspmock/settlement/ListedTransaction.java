package dev.kassa.pspmock.settlement;

import java.time.Instant;

/**
 * One balance transaction as the list shows it: the settlement day's discrepancies applied (a changed amount),
 * or a row that only a discrepancy added.
 *
 * @param type             the stored kind, Stripe's reporting category: {@code charge}, {@code refund},
 *                         {@code dispute} or {@code dispute_reversal}
 * @param amount           as listed (a discrepancy may have changed it); refunds and dispute withdrawals negative
 * @param originalAmount   the money that really moved, what the source object shows
 * @param added            fabricated by an {@code add_row} discrepancy: no intent or refund behind it
 * @param disputeId        a dispute row's dispute, else null
 * @param sourceMetadata   the intent's metadata (charge), the refund's or the dispute's, as JSON; null unless expanded
 * @param sourceCreatedAt  when the refund was asked for or the dispute opened (its object's {@code created}); null
 *                         unless expanded
 * @param disputeReason    the dispute's reason; null unless a dispute row expanded
 * @param disputeStatus    the dispute's status now; null unless a dispute row expanded
 * @param disputeAmount    the disputed amount; null unless a dispute row expanded
 */
record ListedTransaction(String id, String type, String paymentIntentId, String paymentOrderId, String refundId,
                         long amount, long originalAmount, long fee, String currency, Instant createdAt,
                         boolean added, String disputeId, String sourceMetadata, Instant sourceCreatedAt,
                         String disputeReason, String disputeStatus, Long disputeAmount) {

    /** A stored row as it is, not expanded. */
    static ListedTransaction of(SettlementRow row) {
        return new ListedTransaction(row.balanceTransactionId(), row.type(), row.paymentIntentId(),
                row.paymentOrderId(), row.refundId(), row.amount(), row.amount(), row.fee(), row.currency(),
                row.createdAt(), false, row.disputeId(), null, null, null, null, null);
    }

    boolean isCharge() {
        return SettlementRow.CHARGE.equals(type);
    }

    boolean isRefund() {
        return SettlementRow.REFUND.equals(type);
    }

    /** A dispute's withdrawal or reversal: Stripe's type {@code adjustment}. */
    boolean isDispute() {
        return SettlementRow.DISPUTE.equals(type) || SettlementRow.DISPUTE_REVERSAL.equals(type);
    }

    long net() {
        return amount - fee;
    }
}
