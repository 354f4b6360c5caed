package dev.kassa.payment.checkout;

import java.util.List;

/** A validated checkout request, amounts in minor units, with the fingerprint of its canonical form. */
public record NewCheckout(String checkoutId, String buyerUserId, String buyerEmail, String buyerName,
                          String paymentMethodToken, String cardLast4, List<NewPaymentOrder> paymentOrders,
                          String requestHash) {

    public record NewPaymentOrder(String paymentOrderId, String sellerAccount, long amountMinor, String currency) {
    }
}
