package dev.kassa.payment.refund;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One row of {@code refund}. No {@code @Version}: it is never read, changed in Java and saved back; every change
 * is a guarded update of {@link Refunds} (or of the confirmations' batch).
 */
@Table("refund")
public record Refund(@Id String refundId, String paymentOrderId, long amountMinor, String currency, RefundStatus status,
                     int attempt, String pspRefundReference, String failureCode, String failureMessage,
                     boolean walletUpdated, boolean ledgerUpdated, Instant statusChangedAt, Instant createdAt) {

    /** The PSP Idempotency-Key of this refund attempt. */
    public String idempotencyKey() {
        return refundId + ":" + attempt;
    }
}
