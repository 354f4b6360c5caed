package dev.kassa.pspmock.settlement;

import java.time.Instant;

/**
 * One balance transaction as the settlement file shows it: a charge, a refund (negative), a dispute's withdrawal
 * ({@code dispute}, negative, with the dispute fee) or its reversal ({@code dispute_reversal}, positive).
 *
 * @param refundId  a refund's id, else null
 * @param disputeId a dispute row's {@code dp_…}, else null
 */
record SettlementRow(String balanceTransactionId, String type, String paymentIntentId, String paymentOrderId,
                     String refundId, long amount, long fee, long net, String currency, Instant createdAt,
                     String disputeId) {

    static final String CHARGE = "charge";
    static final String REFUND = "refund";
    static final String DISPUTE = "dispute";
    static final String DISPUTE_REVERSAL = "dispute_reversal";

    SettlementRow withAmount(long changedAmount) {
        return new SettlementRow(balanceTransactionId, type, paymentIntentId, paymentOrderId, refundId,
                changedAmount, fee, changedAmount - fee, currency, createdAt, disputeId);
    }
}
