package dev.kassa.payment.checkout;

/** DESIGN §7: {@code PROCESSING → COMPLETED} (and back to PROCESSING when a failed order is retried by hand). */
public enum CheckoutStatus {
    PROCESSING,
    COMPLETED
}
