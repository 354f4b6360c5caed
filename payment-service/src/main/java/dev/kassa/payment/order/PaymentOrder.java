package dev.kassa.payment.order;

import java.time.Instant;

/** One row of {@code payment_order}: what one seller is paid in one checkout, and where its charge stands. */
public record PaymentOrder(String paymentOrderId, String checkoutId, String sellerAccount, long amountMinor,
                           String currency, PaymentOrderStatus status, int attempt, String pspReference,
                           String failureCode, String failureMessage, long refundedMinor, long refundPendingMinor,
                           boolean walletUpdated, boolean ledgerUpdated, Instant statusChangedAt, Instant createdAt,
                           Instant updatedAt) {

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
