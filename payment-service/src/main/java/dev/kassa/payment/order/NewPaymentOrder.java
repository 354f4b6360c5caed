package dev.kassa.payment.order;

/**
 * A payment order a new checkout asks for, amount in minor units: inserted with its checkout
 * ({@code dev.kassa.payment.checkout.CheckoutCreation}).
 */
public record NewPaymentOrder(String paymentOrderId, String sellerAccount, long amountMinor, String currency) {
}
