package dev.kassa.payment.order;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One row of {@code payment_order}: what one seller is paid in one checkout, and where its charge stands.
 * No {@code @Version}: it is never read, changed in Java and saved back; every change is a guarded update of
 * {@link PaymentOrders} (or of the confirmations' batch) that checks status and attempt in the database.
 *
 * @param merchantId the merchant whose checkout it belongs to; null for orders from before merchants existed
 */
@Table("payment_order")
public record PaymentOrder(@Id String paymentOrderId, String checkoutId, String sellerAccount, long amountMinor,
                           String currency, PaymentOrderStatus status, int attempt, String pspReference,
                           String failureCode, String failureMessage, long refundedMinor, long refundPendingMinor,
                           boolean walletUpdated, boolean ledgerUpdated, Instant statusChangedAt, Instant createdAt,
                           Instant updatedAt, String merchantId) {

    /** The PSP Idempotency-Key of the current attempt: a retry of the same attempt can never charge twice. */
    public String idempotencyKey() {
        return paymentOrderId + ":" + attempt;
    }

    /**
     * What clients see: a succeeded order that was refunded shows PARTIALLY_REFUNDED or REFUNDED; the
     * stored state stays SUCCEEDED (docs/architecture.md §6).
     */
    public String displayStatus() {
        if (status == PaymentOrderStatus.SUCCEEDED && refundedMinor > 0) {
            return refundedMinor >= amountMinor ? "REFUNDED" : "PARTIALLY_REFUNDED";
        }
        return status.name();
    }

    /** What can still be refunded: neither refunded nor reserved by a refund under way. */
    public long refundableMinor() {
        return status == PaymentOrderStatus.SUCCEEDED ? amountMinor - refundedMinor - refundPendingMinor : 0;
    }
}
