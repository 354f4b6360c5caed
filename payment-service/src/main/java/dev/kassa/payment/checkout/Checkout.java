package dev.kassa.payment.checkout;

import java.time.Instant;

/** One row of {@code checkout}. */
public record Checkout(String checkoutId, String requestHash, String buyerUserId, String buyerEmail, String buyerName,
                       String paymentMethodToken, String cardLast4, CheckoutStatus status, Instant createdAt,
                       Instant completedAt) {
}
