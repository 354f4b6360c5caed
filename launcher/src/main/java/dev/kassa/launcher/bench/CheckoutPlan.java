package dev.kassa.launcher.bench;

import dev.kassa.launcher.demo.CheckoutRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The checkouts of one run. Every id starts with the run id, so that the run's rows can be told from
 * everything else the databases hold: checkout {@code <run>-c<n>}, its orders {@code <run>-c<n>-<k>}, sellers
 * {@code <run>_s<i>} (the hot seller is {@code <run>_s0}). Checkout {@code n} is the same for the same run id, so
 * the plan needs no memory of what it sent.
 */
final class CheckoutPlan {

    private static final String[] CURRENCIES = {"USD", "EUR"};

    private final String runId;
    private final String card;
    private final int orders;
    private final int sellers;
    private final double hotSeller;

    CheckoutPlan(String runId, BenchOptions options) {
        this.runId = runId;
        this.card = options.card();
        this.orders = options.orders();
        this.sellers = options.sellers();
        this.hotSeller = options.hotSeller();
    }

    String runId() {
        return runId;
    }

    int ordersPerCheckout() {
        return orders;
    }

    String checkoutId(long n) {
        return runId + "-c" + n;
    }

    /** The checkout number of {@code <run>-c<n>} or of one of its orders {@code <run>-c<n>-<k>}. */
    long checkoutNumber(String id) {
        int start = runId.length() + 2;
        int end = id.indexOf('-', start);
        return Long.parseLong(end < 0 ? id.substring(start) : id.substring(start, end));
    }

    CheckoutRequest checkout(long n) {
        SplittableRandom random = new SplittableRandom(n * 0x9E3779B97F4A7C15L + runId.hashCode());
        String checkoutId = checkoutId(n);
        List<CheckoutRequest.Order> paymentOrders = new ArrayList<>(orders);
        for (int k = 1; k <= orders; k++) {
            String amount = String.format(Locale.ROOT, "%d.%02d", 1 + random.nextInt(99), random.nextInt(100));
            paymentOrders.add(new CheckoutRequest.Order(checkoutId + "-" + k, seller(random), amount,
                    CURRENCIES[random.nextInt(CURRENCIES.length)]));
        }
        return new CheckoutRequest(checkoutId, card, paymentOrders);
    }

    /** Every seller of the run (for queries by seller). */
    String[] sellerIds() {
        String[] ids = new String[sellers];
        for (int i = 0; i < sellers; i++) {
            ids[i] = sellerId(i);
        }
        return ids;
    }

    private String seller(SplittableRandom random) {
        if (sellers == 1 || random.nextDouble() < hotSeller) {
            return sellerId(0);
        }
        // Without a hot seller every seller is equally likely; with one, the rest of the orders avoid it.
        return hotSeller > 0 ? sellerId(1 + random.nextInt(sellers - 1)) : sellerId(random.nextInt(sellers));
    }

    private String sellerId(int i) {
        return runId + "_s" + i;
    }
}
