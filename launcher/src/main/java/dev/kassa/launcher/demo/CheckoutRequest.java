package dev.kassa.launcher.demo;

import dev.kassa.client.CreateCheckoutRequest;
import dev.kassa.client.CreateCheckoutRequest.BuyerInfo;
import dev.kassa.client.CreateCheckoutRequest.CreditCardInfo;
import dev.kassa.client.CreateCheckoutRequest.PaymentOrderRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@code POST /api/v1/payments} request: one buyer, one card token (it decides the PSP's outcome), its orders. */
public record CheckoutRequest(String checkoutId, String token, List<Order> orders) {

    /** One payment order; the amount is a decimal string in the currency's own exponent, as the API takes it. */
    public record Order(String paymentOrderId, String seller, String amount, String currency) {
    }

    public CheckoutRequest {
        orders = List.copyOf(orders);
    }

    public static CheckoutRequest of(String checkoutId, String token, Order... orders) {
        return new CheckoutRequest(checkoutId, token, List.of(orders));
    }

    public Order order() {
        if (orders.size() != 1) {
            throw new IllegalStateException(checkoutId + " has " + orders.size() + " orders");
        }
        return orders.getFirst();
    }

    /** The checkout as kassa-client sends it: one buyer per checkout, the token that decides the outcome. */
    public CreateCheckoutRequest request() {
        return new CreateCheckoutRequest(checkoutId, new BuyerInfo("u-" + checkoutId, "buyer@example.com", "Ada"),
                new CreditCardInfo(token, "4242"), orders.stream().map(order -> new PaymentOrderRequest(
                        order.paymentOrderId(), order.seller(), order.amount(), order.currency())).toList());
    }

    /** The same checkout as a JSON body, for callers that test the HTTP surface itself (refusals, raw answers). */
    public Map<String, Object> body() {
        List<Map<String, Object>> paymentOrders = new ArrayList<>();
        for (Order order : orders) {
            paymentOrders.add(Map.of("payment_order_id", order.paymentOrderId(), "seller_account", order.seller(),
                    "amount", order.amount(), "currency", order.currency()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("checkout_id", checkoutId);
        body.put("buyer_info", Map.of("user_id", "u-" + checkoutId, "email", "buyer@example.com", "name", "Ada"));
        body.put("credit_card_info", Map.of("token", token, "last4", "4242"));
        body.put("payment_orders", paymentOrders);
        return body;
    }
}
