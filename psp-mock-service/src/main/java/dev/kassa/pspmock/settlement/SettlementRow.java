package dev.kassa.pspmock.settlement;

import java.time.Instant;

/** One balance transaction as the settlement file shows it; refunds carry negative amounts. */
record SettlementRow(String balanceTransactionId, String type, String paymentIntentId, String paymentOrderId,
                     String refundId, long amount, long fee, long net, String currency, Instant createdAt) {

    SettlementRow withAmount(long changedAmount) {
        return new SettlementRow(balanceTransactionId, type, paymentIntentId, paymentOrderId, refundId,
                changedAmount, fee, changedAmount - fee, currency, createdAt);
    }
}
