package dev.kassa.pspmock.webhook;

/**
 * The event types the PSP sends, Stripe's own (contract): a payment intent's outcome or cancellation, a refund's
 * creation and status changes, and a charge's refund. Stripe never sends {@code refund.succeeded}; neither does this.
 */
public enum EventType {
    PAYMENT_INTENT_SUCCEEDED("payment_intent.succeeded"),
    PAYMENT_INTENT_PAYMENT_FAILED("payment_intent.payment_failed"),
    PAYMENT_INTENT_CANCELED("payment_intent.canceled"),
    /** Every refund, whatever its status at creation. */
    REFUND_CREATED("refund.created"),
    /** A pending refund's status changed (to succeeded; a failure is {@link #REFUND_FAILED}). */
    REFUND_UPDATED("refund.updated"),
    REFUND_FAILED("refund.failed"),
    /** Money went back: data.object is the Charge ({@code ch_…}, {@code amount_refunded}, {@code refunded}). */
    CHARGE_REFUNDED("charge.refunded");

    private final String value;

    EventType(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
