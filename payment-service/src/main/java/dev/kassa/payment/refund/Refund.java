package dev.kassa.payment.refund;

import java.time.Instant;

/** One row of {@code refund}. */
public record Refund(String refundId, String paymentOrderId, long amountMinor, String currency, RefundStatus status,
                     int attempt, String pspRefundReference, String failureCode, String failureMessage,
                     boolean walletUpdated, boolean ledgerUpdated, Instant statusChangedAt, Instant createdAt) {

    /** The PSP Idempotency-Key of this refund attempt. */
    public String idempotencyKey() {
        return refundId + ":" + attempt;
    }
}
