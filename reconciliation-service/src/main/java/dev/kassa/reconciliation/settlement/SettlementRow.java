package dev.kassa.reconciliation.settlement;

import java.time.Instant;

/**
 * One valid balance transaction of the PSP's day. Amounts are minor units, signed as the PSP lists them: refunds
 * and dispute withdrawals negative, a won dispute's reversal positive; {@code feeMinor} is the PSP's fee (a dispute
 * withdrawal's is the dispute fee; a reversal that returns it has a negative one).
 *
 * @param lineNumber     position of the transaction in the day's listing (1 for the first)
 * @param paymentOrderId the source's {@code metadata.payment_order_id}: a charge's (the intent's, copied by Stripe),
 *                       a refund's own, a dispute's own (rarely set: the matcher looks the order up by the intent)
 * @param refundId       a refund's {@code re_…}, else null
 * @param disputeId      a dispute withdrawal's or reversal's {@code dp_…}, else null
 */
record SettlementRow(
        long lineNumber,
        String balanceTransactionId,
        SettlementType type,
        String paymentIntentId,
        String paymentOrderId,
        String refundId,
        String disputeId,
        long amountMinor,
        long feeMinor,
        long netMinor,
        String currency,
        Instant createdAt) {
}
