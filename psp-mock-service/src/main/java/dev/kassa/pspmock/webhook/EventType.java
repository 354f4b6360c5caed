package dev.kassa.pspmock.webhook;

/**
 * The event types the PSP sends, Stripe's own (contract): a payment intent's outcome or cancellation, a refund's
 * creation and status changes, a charge's refund, and a charge's dispute. Stripe never sends {@code refund.succeeded};
 * neither does this.
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
    CHARGE_REFUNDED("charge.refunded"),
    /** A dispute opened (data.object is the Dispute, {@code needs_response}). */
    CHARGE_DISPUTE_CREATED("charge.dispute.created"),
    /** The disputed amount and the dispute fee were withdrawn (at once, with the dispute's opening). */
    CHARGE_DISPUTE_FUNDS_WITHDRAWN("charge.dispute.funds_withdrawn"),
    /** Evidence staged or submitted, or metadata changed. */
    CHARGE_DISPUTE_UPDATED("charge.dispute.updated"),
    /** Won, lost, or accepted by the merchant (lost). */
    CHARGE_DISPUTE_CLOSED("charge.dispute.closed"),
    /** A won dispute gave the disputed amount back. */
    CHARGE_DISPUTE_FUNDS_REINSTATED("charge.dispute.funds_reinstated");

    private final String value;

    EventType(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
