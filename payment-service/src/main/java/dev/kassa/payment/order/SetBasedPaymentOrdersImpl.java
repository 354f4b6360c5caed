package dev.kassa.payment.order;

import dev.kassa.payment.EntityRows;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.jdbc.core.convert.JdbcConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * On JdbcClient because each is one set-based statement for many orders (one {@code unnest} update per wave of requests
 * or of answers, one {@code GROUP BY}), which repository methods cannot express.
 * Rows map as the repository maps them.
 */
class SetBasedPaymentOrdersImpl implements SetBasedPaymentOrders {

    private static final String COLUMNS = """
            payment_order_id, checkout_id, merchant_id, seller_account, amount_minor, currency, status, attempt,
            psp_reference, failure_code, failure_message, refunded_minor, refund_pending_minor, wallet_updated,
            ledger_updated, status_changed_at, created_at, updated_at, dispute_status""";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final RowMapper<PaymentOrder> rows;

    SetBasedPaymentOrdersImpl(JdbcClient jdbc, JdbcTemplate jdbcTemplate, JdbcConverter converter) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.rows = EntityRows.of(converter, PaymentOrder.class);
    }

    @Override
    public List<PaymentOrder> startExecutions(List<String> paymentOrderIds, List<Integer> attempts) {
        // The executor starts only what the risk check let through (dev.kassa.payment.risk).
        CauseNaming naming = CauseNaming.toName(ChangeCause.EXECUTOR, "risk check passed");
        List<PaymentOrder> started = jdbcTemplate.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    WITH requested AS (
                        SELECT * FROM unnest(?::text[], ?::int[]) AS r(payment_order_id, attempt)
                         WHERE %2$s
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
                    .formatted(COLUMNS, naming == null ? "true" : CauseNaming.IN_STATEMENT));
            statement.setArray(1, connection.createArrayOf("text", paymentOrderIds.toArray()));
            statement.setArray(2, connection.createArrayOf("integer", attempts.toArray()));
            setNaming(statement, 3, naming);
            return statement;
        }, rows);
        named(naming, started);
        return started;
    }

    @Override
    public List<PaymentOrder> resolveExecutions(ChangeCause cause, List<ExecutionResult> results) {
        return resolve(cause, results, PaymentOrderStatus.EXECUTING);
    }

    @Override
    public List<PaymentOrder> failBeforeExecution(List<ExecutionResult> results) {
        if (results.stream().anyMatch(ExecutionResult::succeeded)) {
            throw new IllegalArgumentException("An order that never executed cannot have succeeded");
        }
        return resolve(ChangeCause.RISK_CHECK, results, PaymentOrderStatus.NOT_STARTED);
    }

    private List<PaymentOrder> resolve(ChangeCause cause, List<ExecutionResult> results, PaymentOrderStatus from) {
        if (results.isEmpty()) {
            return List.of();
        }
        CauseNaming naming = CauseNaming.toName(cause, null);
        List<PaymentOrder> resolved = jdbcTemplate.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    UPDATE payment_order o
                       SET status = CASE WHEN r.succeeded THEN 'SUCCEEDED' ELSE 'FAILED' END,
                           psp_reference = COALESCE(r.psp_reference, o.psp_reference),
                           failure_code = r.failure_code,
                           failure_message = CASE WHEN char_length(r.failure_message) > 500
                                                  THEN left(r.failure_message, 497) || '...' ELSE r.failure_message END,
                           status_changed_at = now(), updated_at = now()
                      FROM unnest(?::text[], ?::int[], ?::boolean[], ?::text[], ?::text[], ?::text[])
                           AS r(payment_order_id, attempt, succeeded, psp_reference, failure_code, failure_message)
                     WHERE o.payment_order_id = r.payment_order_id AND o.attempt = r.attempt
                       AND o.status = ? AND %s
                    RETURNING o.*""".formatted(naming == null ? "true" : CauseNaming.IN_STATEMENT));
            statement.setArray(1, connection.createArrayOf("text",
                    results.stream().map(ExecutionResult::paymentOrderId).toArray()));
            statement.setArray(2, connection.createArrayOf("integer",
                    results.stream().map(ExecutionResult::attempt).toArray()));
            statement.setArray(3, connection.createArrayOf("boolean",
                    results.stream().map(ExecutionResult::succeeded).toArray()));
            statement.setArray(4, connection.createArrayOf("text",
                    results.stream().map(ExecutionResult::pspReference).toArray()));
            statement.setArray(5, connection.createArrayOf("text",
                    results.stream().map(ExecutionResult::failureCode).toArray()));
            statement.setArray(6, connection.createArrayOf("text",
                    results.stream().map(ExecutionResult::failureMessage).toArray()));
            statement.setString(7, from.name());
            setNaming(statement, 8, naming);
            return statement;
        }, rows);
        named(naming, resolved);
        return resolved;
    }

    private static void setNaming(PreparedStatement statement, int first, CauseNaming naming) throws SQLException {
        if (naming != null) {
            Object[] parameters = naming.parameters();
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(first + i, parameters[i]);
            }
        }
    }

    /**
     * Only a statement that changed an order surely ran its naming condition: one that changed none may not have, and
     * the cause is named again by the next.
     */
    private static void named(CauseNaming naming, List<PaymentOrder> changed) {
        if (naming != null && !changed.isEmpty()) {
            naming.named();
        }
    }

    @Override
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
}
