package dev.kassa.launcher.bench;

import dev.kassa.launcher.checks.Databases;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The checkouts of the run that are sent (or being sent) and not yet COMPLETED in payment-service's database.
 * Only those are asked about, by primary key: the cost of a poll follows the backlog, not the size of tables that
 * grow with every run kept in the data directory.
 */
final class Backlog {

    private static final int IDS_PER_QUERY = 5_000;

    private final Databases db;
    private final int ordersPerCheckout;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final AtomicLong completed = new AtomicLong();

    Backlog(Databases db, int ordersPerCheckout) {
        this.db = db;
        this.ordersPerCheckout = ordersPerCheckout;
    }

    void sent(String checkoutId) {
        pending.add(checkoutId);
    }

    /** The POST was refused or got no answer: nothing to wait for (the analysis still finds it if it exists). */
    void refused(String checkoutId) {
        pending.remove(checkoutId);
    }

    /** Asks the database which pending checkouts have completed since; returns the orders still pending. */
    synchronized long poll() {
        List<String> snapshot = new ArrayList<>(pending);
        for (int from = 0; from < snapshot.size(); from += IDS_PER_QUERY) {
            String[] ids = snapshot.subList(from, Math.min(snapshot.size(), from + IDS_PER_QUERY)).toArray(String[]::new);
            for (var row : db.rows("payment",
                    "SELECT checkout_id FROM checkout WHERE checkout_id = ANY(?) AND status = 'COMPLETED'", (Object) ids)) {
                if (pending.remove((String) row.get("checkout_id"))) {
                    completed.incrementAndGet();
                }
            }
        }
        return orders();
    }

    /** Orders of the checkouts not yet completed, as of the last poll. */
    long orders() {
        return (long) pending.size() * ordersPerCheckout;
    }

    long completedCheckouts() {
        return completed.get();
    }
}
