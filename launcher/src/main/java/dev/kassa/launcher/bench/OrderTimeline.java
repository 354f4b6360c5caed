package dev.kassa.launcher.bench;

import dev.kassa.launcher.checks.Databases;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When each order of the run reached each stage, by the databases' own timestamps, read once the run is over:
 * created and PSP result applied (payment-service), charged (psp-mock), credited (wallet-service), posted
 * (ledger-service), and its checkout completed (payment-service). Each query selects by primary key, unique key
 * or an index of the run's own ids, in chunks, never by scanning tables that keep every earlier run.
 */
final class OrderTimeline {

    /** One order; times in microseconds since the epoch, 0 when the stage was not reached (or has no row). */
    record Order(long checkout, String orderId, String status, long created, long charged, long resolved,
                 long credited, long posted, long completed) {
    }

    private static final int IDS_PER_QUERY = 5_000;

    private OrderTimeline() {
    }

    /** The orders of the checkouts {@code checkouts} (numbers), as far as payment-service has them. */
    static List<Order> read(Databases db, CheckoutPlan plan, long[] checkouts, Instant runStart) {
        Map<String, long[]> times = new HashMap<>(); // order id -> created, charged, resolved, credited, posted, completed
        Map<String, String> statuses = new HashMap<>();
        for (String[] ids : chunks(Arrays.stream(checkouts).mapToObj(plan::checkoutId).toList())) {
            for (var row : db.rows("payment", """
                    SELECT o.payment_order_id, o.status, o.created_at, o.status_changed_at, c.completed_at
                    FROM payment_order o JOIN checkout c ON c.checkout_id = o.checkout_id
                    WHERE o.checkout_id = ANY(?)""", (Object) ids)) {
                String order = (String) row.get("payment_order_id");
                String status = (String) row.get("status");
                statuses.put(order, status);
                boolean resolved = status.equals("SUCCEEDED") || status.equals("FAILED");
                times.put(order, new long[] {micros(row.get("created_at")), 0,
                        resolved ? micros(row.get("status_changed_at")) : 0, 0, 0, micros(row.get("completed_at"))});
            }
        }
        List<String> orderIds = new ArrayList<>(times.keySet());
        OffsetDateTime since = OffsetDateTime.ofInstant(runStart.minusSeconds(60), ZoneOffset.UTC);
        for (String[] ids : chunks(orderIds)) {
            // balance_transaction has no index on the order id; its time index (BRIN) narrows it to the run.
            fill(times, 1, db.rows("psp", "SELECT payment_order_id AS id, min(created_at) AS t FROM balance_transaction"
                    + " WHERE type = 'charge' AND created_at >= ? AND payment_order_id = ANY(?) GROUP BY 1", since, ids));
            fill(times, 4, db.rows("ledger", "SELECT payment_order_id AS id, recorded_at AS t FROM journal_entry"
                    + " WHERE kind = 'PAYMENT' AND payment_order_id = ANY(?)", (Object) ids));
        }
        // wallet_movement has no index on the order id either, but one on the seller, who belongs to the run.
        for (String[] sellers : chunks(Arrays.asList(plan.sellerIds()))) {
            fill(times, 3, db.rows("wallet", "SELECT payment_order_id AS id, recorded_at AS t FROM wallet_movement"
                    + " WHERE kind = 'CREDIT' AND account_id = ANY(?)", (Object) sellers));
        }
        List<Order> orders = new ArrayList<>(times.size());
        times.forEach((id, t) -> orders.add(new Order(plan.checkoutNumber(id), id, statuses.get(id),
                t[0], t[1], t[2], t[3], t[4], t[5])));
        return orders;
    }

    private static void fill(Map<String, long[]> times, int stage, List<Map<String, Object>> rows) {
        for (var row : rows) {
            long[] t = times.get((String) row.get("id"));
            if (t != null) {
                t[stage] = micros(row.get("t"));
            }
        }
    }

    private static long micros(Object timestamp) {
        if (timestamp == null) {
            return 0;
        }
        Instant instant = ((Timestamp) timestamp).toInstant();
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }

    private static List<String[]> chunks(List<String> ids) {
        List<String[]> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)).toArray(String[]::new));
        }
        return chunks;
    }
}
