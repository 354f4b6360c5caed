package dev.kassa.payment.checkout;

/**
 * docs/architecture.md §6: {@code PROCESSING → COMPLETED} (and back to PROCESSING when a failed order is retried by hand).
 */
public enum CheckoutStatus {
    PROCESSING,
    COMPLETED
}
