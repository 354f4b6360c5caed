package dev.kassa.payment.order;

import java.time.Instant;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One row of {@code payment_order}: what one seller is paid in one checkout, and where its charge stands.
 * No {@code @Version}: it is never read, changed in Java and saved back; every change is a guarded update of
 * {@link PaymentOrders} (or of the confirmations' batch) that checks status and attempt in the database.
 *
 * @param merchantId    the merchant whose checkout it belongs to; null for orders from before merchants existed
 * @param disputeStatus its dispute's status (docs/architecture.md §15); null when it was never disputed
 */
@Table("payment_order")
public record PaymentOrder(@Id String paymentOrderId, String checkoutId, String sellerAccount, long amountMinor,
                           String currency, PaymentOrderStatus status, int attempt, String pspReference,
                           String failureCode, String failureMessage, long refundedMinor, long refundPendingMinor,
                           boolean walletUpdated, boolean ledgerUpdated, Instant statusChangedAt, Instant createdAt,
                           Instant updatedAt, String merchantId, String disputeStatus) {

    /** Dispute states in which the PSP holds the charge's money back: no refund while one is open or lost. */
    private static final Set<String> MONEY_HELD = Set.of("NEEDS_RESPONSE", "UNDER_REVIEW", "LOST",
            "ACCEPTED");

    /** The PSP Idempotency-Key of the current attempt: a retry of the same attempt can never charge twice. */
    public String idempotencyKey() {
        return paymentOrderId + ":" + attempt;
    }

    /**
     * What clients see: a succeeded order that was refunded shows PARTIALLY_REFUNDED or REFUNDED; the
     * stored state stays SUCCEEDED (docs/architecture.md §6).
     */
    public String displayStatus() {
        if (status == PaymentOrderStatus.SUCCEEDED && disputeStatus != null && MONEY_HELD.contains(disputeStatus)) {
            // docs/architecture.md §15: open, or lost (the money went back to the cardholder).
            return "LOST".equals(disputeStatus) || "ACCEPTED".equals(disputeStatus) ? "CHARGED_BACK" : "DISPUTED";
        }
        if (status == PaymentOrderStatus.SUCCEEDED && refundedMinor > 0) {
            return refundedMinor >= amountMinor ? "REFUNDED" : "PARTIALLY_REFUNDED";
        }
        return status.name();
    }

    /**
     * What can still be refunded: neither refunded nor reserved by a refund under way; nothing while a dispute is
     * open or was lost (the PSP refuses it too: the cardholder has the money back or may get it).
     */
    public long refundableMinor() {
        if (disputeStatus != null && MONEY_HELD.contains(disputeStatus)) {
            return 0;
        }
        return status == PaymentOrderStatus.SUCCEEDED ? amountMinor - refundedMinor - refundPendingMinor : 0;
    }
}
