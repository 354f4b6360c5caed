package dev.kassa.payment.order;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code payment_order}. Every state change is a guarded update ({@code WHERE status = <allowed> AND
 * attempt = <the caller's attempt>}) that reports whether it applied: a late or duplicate result finds
 * the row in another state or attempt and changes nothing.
 */
@Repository
public class PaymentOrderRepository {

    private static final String COLUMNS = """
            payment_order_id, checkout_id, seller_account, amount_minor, currency, status, attempt, psp_reference,
            failure_code, failure_message, refunded_minor, refund_pending_minor, wallet_updated, ledger_updated,
            status_changed_at, created_at, updated_at""";

    static final RowMapper<PaymentOrder> ROW = PaymentOrderRepository::map;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    public PaymentOrderRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /** Inserts the orders of a new checkout; returns how many were new (fewer: an id belongs to another checkout). */
    public int insertIfAbsent(String checkoutId, List<NewPaymentOrder> orders) {
        int[] counts = jdbcTemplate.batchUpdate("""
                INSERT INTO payment_order (payment_order_id, checkout_id, position, seller_account, amount_minor, currency)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (payment_order_id) DO NOTHING""", new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                NewPaymentOrder order = orders.get(i);
                ps.setString(1, order.paymentOrderId());
                ps.setString(2, checkoutId);
                ps.setInt(3, i);
                ps.setString(4, order.sellerAccount());
                ps.setLong(5, order.amountMinor());
                ps.setString(6, order.currency());
            }

            @Override
            public int getBatchSize() {
                return orders.size();
            }
        });
        int inserted = 0;
        for (int count : counts) {
            inserted += Math.max(count, 0);
        }
        return inserted;
    }

    /** The ids among {@code ids} that belong to a checkout other than {@code checkoutId}. */
    public List<String> idsOwnedByOtherCheckouts(String checkoutId, Collection<String> ids) {
        return jdbc.sql("SELECT payment_order_id FROM payment_order WHERE payment_order_id IN (:ids) AND checkout_id <> :checkout")
                .param("ids", ids).param("checkout", checkoutId)
                .query(String.class).list();
    }

    public Optional<PaymentOrder> find(String paymentOrderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_order WHERE payment_order_id = ?")
                .param(paymentOrderId).query(ROW).optional();
    }

    public Optional<PaymentOrder> findByPspReference(String pspReference) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_order WHERE psp_reference = ?")
                .param(pspReference).query(ROW).optional();
    }

    public List<PaymentOrder> findByCheckout(String checkoutId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_order WHERE checkout_id = ? ORDER BY position")
                .param(checkoutId).query(ROW).list();
    }

    /**
     * {@code NOT_STARTED → EXECUTING} for each (order, attempt), in one statement and one commit for a whole wave
     * of execution requests.
     *
     * @return the orders now EXECUTING the requested attempt: just started, or already executing it (a request
     *         delivered again; calling the PSP again with the same key is safe). Orders resolved, or on another
     *         attempt, are absent.
     */
    public List<PaymentOrder> startExecutions(List<String> paymentOrderIds, List<Integer> attempts) {
        return jdbcTemplate.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    WITH requested AS (
                        SELECT * FROM unnest(?::text[], ?::int[]) AS r(payment_order_id, attempt)
                    ), started AS (
                        UPDATE payment_order o
                           SET status = 'EXECUTING', status_changed_at = now(), updated_at = now()
                          FROM requested r
                         WHERE o.payment_order_id = r.payment_order_id AND o.attempt = r.attempt
                           AND o.status = 'NOT_STARTED'
                        RETURNING o.*
                    )
                    SELECT %1$s FROM started
                    UNION ALL
                    -- Same snapshot as the update: this sees the orders that were EXECUTING before it.
                    SELECT %1$s FROM payment_order
                     WHERE status = 'EXECUTING'
                       AND (payment_order_id, attempt) IN (SELECT payment_order_id, attempt FROM requested)"""
                    .formatted(COLUMNS));
            statement.setArray(1, connection.createArrayOf("text", paymentOrderIds.toArray()));
            statement.setArray(2, connection.createArrayOf("integer", attempts.toArray()));
            return statement;
        }, ROW);
    }

    /** Remembers the PSP's intent id while the order waits for a webhook. */
    public boolean recordPspReference(String paymentOrderId, int attempt, String pspReference) {
        return jdbc.sql("""
                UPDATE payment_order SET psp_reference = ?, updated_at = now()
                WHERE payment_order_id = ? AND attempt = ? AND status = 'EXECUTING'
                  AND (psp_reference IS NULL OR psp_reference = ?)""")
                .params(pspReference, paymentOrderId, attempt, pspReference).update() == 1;
    }

    /** {@code EXECUTING → SUCCEEDED} for the given attempt; empty when the order is elsewhere (late, duplicate). */
    public Optional<PaymentOrder> markSucceeded(String paymentOrderId, int attempt, String pspReference) {
        return jdbc.sql("""
                UPDATE payment_order SET status = 'SUCCEEDED', psp_reference = ?, failure_code = NULL,
                       failure_message = NULL, status_changed_at = now(), updated_at = now()
                WHERE payment_order_id = ? AND attempt = ? AND status = 'EXECUTING'
                RETURNING""" + " " + COLUMNS)
                .params(pspReference, paymentOrderId, attempt).query(ROW).optional();
    }

    /** {@code EXECUTING → FAILED} for the given attempt; empty when the order is elsewhere. */
    public Optional<PaymentOrder> markFailed(String paymentOrderId, int attempt, String pspReference,
                                             String failureCode, String failureMessage) {
        return jdbc.sql("""
                UPDATE payment_order SET status = 'FAILED', psp_reference = COALESCE(?, psp_reference),
                       failure_code = ?, failure_message = ?, status_changed_at = now(), updated_at = now()
                WHERE payment_order_id = ? AND attempt = ? AND status = 'EXECUTING'
                RETURNING""" + " " + COLUMNS)
                .params(pspReference, failureCode, truncate(failureMessage), paymentOrderId, attempt)
                .query(ROW).optional();
    }

    /** Manual retry, {@code FAILED → EXECUTING} with the next attempt (so a new PSP idempotency key). */
    public Optional<PaymentOrder> startRetry(String paymentOrderId) {
        return jdbc.sql("""
                UPDATE payment_order SET status = 'EXECUTING', attempt = attempt + 1, psp_reference = NULL,
                       failure_code = NULL, failure_message = NULL, status_changed_at = now(), updated_at = now()
                WHERE payment_order_id = ? AND status = 'FAILED'
                RETURNING""" + " " + COLUMNS)
                .param(paymentOrderId).query(ROW).optional();
    }

    /**
     * Reserves {@code amountMinor} of a succeeded order for a refund, only if it fits in what is neither
     * refunded nor reserved; the database check constraint backs this up.
     */
    public boolean reserveRefund(String paymentOrderId, long amountMinor) {
        return jdbc.sql("""
                UPDATE payment_order SET refund_pending_minor = refund_pending_minor + :amount, updated_at = now()
                WHERE payment_order_id = :id AND status = 'SUCCEEDED'
                  AND refunded_minor + refund_pending_minor + :amount <= amount_minor""")
                .param("amount", amountMinor).param("id", paymentOrderId).update() == 1;
    }

    /** Moves a reserved amount to refunded (the PSP refunded it) or releases it (the refund failed). */
    public boolean settleRefund(String paymentOrderId, long amountMinor, boolean refunded) {
        return jdbc.sql("""
                UPDATE payment_order
                   SET refunded_minor = refunded_minor + CASE WHEN :refunded THEN :amount ELSE 0 END,
                       refund_pending_minor = refund_pending_minor - :amount, updated_at = now()
                WHERE payment_order_id = :id AND refund_pending_minor >= :amount""")
                .param("refunded", refunded).param("amount", amountMinor).param("id", paymentOrderId)
                .update() == 1;
    }

    /** Orders waiting for the PSP longer than {@code age}, oldest first. */
    public List<PaymentOrder> findExecutingLongerThan(Duration age, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM payment_order
                WHERE status = 'EXECUTING' AND status_changed_at < now() - make_interval(secs => ?)
                ORDER BY status_changed_at LIMIT ?""")
                .params(age.toMillis() / 1000.0, limit).query(ROW).list();
    }

    public Map<PaymentOrderStatus, Long> countByStatus() {
        Map<PaymentOrderStatus, Long> counts = new EnumMap<>(PaymentOrderStatus.class);
        for (PaymentOrderStatus status : PaymentOrderStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.sql("SELECT status, count(*) FROM payment_order GROUP BY status")
                .query((rs, n) -> Map.entry(PaymentOrderStatus.valueOf(rs.getString(1)), rs.getLong(2)))
                .list().forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    private static String truncate(String message) {
        return message == null || message.length() <= 500 ? message : message.substring(0, 497) + "...";
    }

    private static PaymentOrder map(ResultSet rs, int row) throws SQLException {
        return new PaymentOrder(
                rs.getString("payment_order_id"),
                rs.getString("checkout_id"),
                rs.getString("seller_account"),
                rs.getLong("amount_minor"),
                rs.getString("currency"),
                PaymentOrderStatus.valueOf(rs.getString("status")),
                rs.getInt("attempt"),
                rs.getString("psp_reference"),
                rs.getString("failure_code"),
                rs.getString("failure_message"),
                rs.getLong("refunded_minor"),
                rs.getLong("refund_pending_minor"),
                rs.getBoolean("wallet_updated"),
                rs.getBoolean("ledger_updated"),
                instant(rs, "status_changed_at"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        java.time.OffsetDateTime value = rs.getObject(column, java.time.OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
