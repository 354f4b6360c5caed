package dev.kassa.pspmock.settlement;

import java.time.Instant;

/**
 * One balance transaction as the list shows it: the settlement day's discrepancies applied (a changed amount),
 * or a row that only a discrepancy added.
 *
 * @param amount           as listed (a discrepancy may have changed it); refunds negative
 * @param originalAmount   the money that really moved, what the charge or refund object shows
 * @param added            fabricated by an {@code add_row} discrepancy: no intent or refund behind it
 * @param sourceMetadata   the intent's metadata (charge) or the refund's, as JSON; null unless expanded
 * @param refundCreatedAt  when the refund was asked for (its object's {@code created}); null unless expanded
 */
record ListedTransaction(String id, String type, String paymentIntentId, String paymentOrderId, String refundId,
                         long amount, long originalAmount, long fee, String currency, Instant createdAt,
                         boolean added, String sourceMetadata, Instant refundCreatedAt) {

    static final String CHARGE = "charge";

    boolean isCharge() {
        return CHARGE.equals(type);
    }

    long net() {
        return amount - fee;
    }
}
