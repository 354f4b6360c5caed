package dev.kassa.payment.checkout;

import dev.kassa.payment.PaymentProperties;
import dev.kassa.payment.api.Amounts;
import dev.kassa.payment.api.IpAddresses;
import dev.kassa.payment.order.NewPaymentOrder;
import java.util.List;

/**
 * A validated checkout request of one merchant, amounts in minor units, with the fingerprint of its canonical
 * form (the merchant included: another merchant sending the same checkout id is a different request).
 */
public record NewCheckout(String checkoutId, String merchantId, String buyerUserId, String buyerEmail,
                          String buyerName, String paymentMethodToken, String cardLast4,
                          List<NewPaymentOrder> paymentOrders, String clientAddress, String requestHash) {

    /** The checkout a request of {@code merchantId} that passed Bean Validation asks for. */
    static NewCheckout of(CheckoutRequest request, String merchantId, PaymentProperties properties) {
        CheckoutRequest.BuyerInfo buyer = request.buyerInfo();
        CheckoutRequest.CreditCardInfo card = request.creditCardInfo();
        List<NewPaymentOrder> orders = request.paymentOrders().stream()
                .map(order -> new NewPaymentOrder(order.paymentOrderId(), order.sellerAccount(),
                        Amounts.minor(order.amount(), order.currency(), properties), order.currency()))
                .toList();
        String clientAddress = IpAddresses.normalized(request.clientAddress()).orElse(null);
        String hash = RequestFingerprint.of(request.checkoutId(), merchantId, buyer.userId(), buyer.email(),
                buyer.name(), card.token(), card.last4(), orders, clientAddress);
        return new NewCheckout(request.checkoutId(), merchantId, buyer.userId(), buyer.email(), buyer.name(),
                card.token(), card.last4(), orders, clientAddress, hash);
    }
}
