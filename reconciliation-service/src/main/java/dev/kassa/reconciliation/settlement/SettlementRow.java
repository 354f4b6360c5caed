package dev.kassa.reconciliation.settlement;

import java.time.Instant;

/**
 * One valid balance transaction of a PSP settlement file. Amounts are minor units; refunds are negative.
 *
 * @param lineNumber physical line of the file (the header is line 1)
 */
record SettlementRow(
        long lineNumber,
        String balanceTransactionId,
        SettlementType type,
        String paymentIntentId,
        String paymentOrderId,
        String refundId,
        long amountMinor,
        long feeMinor,
        long netMinor,
        String currency,
        Instant createdAt) {
}
