package dev.kassa.launcher.demo;

import dev.kassa.schemas.money.Money;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's checkouts: several sellers, USD, EUR and JPY, card tokens with every kind of outcome, and one payment
 * that its cardholder disputes.
 */
final class DemoPlan {

    private static final String[] SELLERS = {"seller_alice", "seller_bob", "seller_chen"};
    private static final String[][] PRICES = {{"29.99", "USD"}, {"15.50", "EUR"}, {"1200", "JPY"}, {"249.00", "USD"}, {"8.75", "EUR"}};
    /** Mostly successes, with declines and asynchronous outcomes (decided later by a PSP webhook) mixed in. */
    private static final String[] TOKENS = {"tok_visa", "tok_mastercard", "tok_visa", "tok_chargeDeclined",
            "tok_async", "tok_visa", "tok_mastercard", "tok_asyncDeclined", "tok_visa",
            "tok_chargeDeclinedInsufficientFunds"};

    /** psp-mock's (and Stripe's) test token whose charge succeeds and is disputed right away. */
    static final String DISPUTED_TOKEN = "tok_createDispute";

    private DemoPlan() {
    }

    static List<CheckoutRequest> plan(String runId) {
        List<CheckoutRequest> checkouts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String checkoutId = runId + "-chk" + (i + 1);
            int orderCount = i % 4 == 0 ? 2 : 1; // some checkouts buy from two sellers at once
            List<CheckoutRequest.Order> orders = new ArrayList<>();
            for (int o = 0; o < orderCount; o++) {
                String[] price = PRICES[(i + o) % PRICES.length];
                orders.add(new CheckoutRequest.Order(checkoutId + "-po" + (o + 1), SELLERS[(i + o) % SELLERS.length], price[0], price[1]));
            }
            checkouts.add(new CheckoutRequest(checkoutId, TOKENS[i % TOKENS.length], orders));
        }
        // A payment its cardholder disputes at once (psp-mock's test token): the demo answers the dispute.
        String disputed = runId + "-chk" + (checkouts.size() + 1);
        checkouts.add(new CheckoutRequest(disputed, DISPUTED_TOKEN,
                List.of(new CheckoutRequest.Order(disputed + "-po1", SELLERS[2], "49.00", "USD"))));
        return checkouts;
    }

    static String describe(CheckoutRequest checkout) {
        return checkout.token() + " x" + checkout.orders().size();
    }

    /** Half of a decimal amount, rounded down to the currency's own minor unit ("29.99" USD → "14.99"). */
    static String half(String amount, String currency) {
        return Money.formatMinor(Money.parseMinor(amount, currency, Long.MAX_VALUE) / 2, currency);
    }
}
