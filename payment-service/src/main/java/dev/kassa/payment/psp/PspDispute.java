package dev.kassa.payment.psp;

/**
 * A Stripe dispute as the PSP answered an update or a close: its id ({@code dp_...}), Stripe's status
 * ({@code needs_response}, {@code under_review}, {@code won}, {@code lost}), the disputed amount and the payment intent.
 */
public record PspDispute(String id, String status, long amountMinor, String currency, String paymentIntent) {
}
