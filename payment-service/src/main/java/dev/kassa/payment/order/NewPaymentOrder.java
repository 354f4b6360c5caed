package dev.kassa.payment.order;

/** A payment order a new checkout asks for, amount in minor units: what {@link PaymentOrders} inserts. */
public record NewPaymentOrder(String paymentOrderId, String sellerAccount, long amountMinor, String currency) {
}
