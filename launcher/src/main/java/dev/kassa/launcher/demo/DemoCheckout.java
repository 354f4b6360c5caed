package dev.kassa.launcher.demo;

import dev.kassa.schemas.money.Money;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One checkout the demo submits: a buyer, a card token that decides the PSP's outcome, and its orders. */
record DemoCheckout(String checkoutId, String token, List<Order> orders) {

    record Order(String paymentOrderId, String seller, String amount, String currency) {
    }

    private static final String[] SELLERS = {"seller_alice", "seller_bob", "seller_chen"};
    private static final String[][] PRICES = {{"29.99", "USD"}, {"15.50", "EUR"}, {"1200", "JPY"}, {"249.00", "USD"}, {"8.75", "EUR"}};
    /** Mostly successes, with declines and asynchronous outcomes (decided later by a PSP webhook) mixed in. */
    private static final String[] TOKENS = {"tok_visa", "tok_mastercard", "tok_visa", "tok_chargeDeclined",
            "tok_async", "tok_visa", "tok_mastercard", "tok_asyncDeclined", "tok_visa",
            "tok_chargeDeclinedInsufficientFunds"};

    static List<DemoCheckout> plan(String runId) {
        List<DemoCheckout> checkouts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String checkoutId = runId + "-chk" + (i + 1);
            int orderCount = i % 4 == 0 ? 2 : 1; // some checkouts buy from two sellers at once
            List<Order> orders = new ArrayList<>();
            for (int o = 0; o < orderCount; o++) {
                String[] price = PRICES[(i + o) % PRICES.length];
                orders.add(new Order(checkoutId + "-po" + (o + 1), SELLERS[(i + o) % SELLERS.length], price[0], price[1]));
            }
            checkouts.add(new DemoCheckout(checkoutId, TOKENS[i % TOKENS.length], orders));
        }
        return checkouts;
    }

    Map<String, Object> requestBody() {
        List<Map<String, Object>> paymentOrders = new ArrayList<>();
        for (Order order : orders) {
            paymentOrders.add(Map.of("payment_order_id", order.paymentOrderId(), "seller_account", order.seller(),
                    "amount", order.amount(), "currency", order.currency()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("checkout_id", checkoutId);
        body.put("buyer_info", Map.of("user_id", "u_" + checkoutId, "email", "buyer@example.com", "name", "Ada Lovelace"));
        body.put("credit_card_info", Map.of("token", token, "last4", "4242"));
        body.put("payment_orders", paymentOrders);
        return body;
    }

    String describe() {
        return token + " x" + orders.size();
    }

    /** Half of a decimal amount, rounded down to the currency's own minor unit ("29.99" USD → "14.99"). */
    static String half(String amount, String currency) {
        return Money.formatMinor(Money.parseMinor(amount, currency, Long.MAX_VALUE) / 2, currency);
    }
}
