package dev.kassa.payment.refund;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code refund}, with guarded transitions like the payment orders'. */
@Repository
public class RefundRepository {

    private static final String COLUMNS = """
            refund_id, payment_order_id, amount_minor, currency, status, attempt, psp_refund_reference,
            failure_code, failure_message, wallet_updated, ledger_updated, status_changed_at, created_at""";

    private final JdbcClient jdbc;

    public RefundRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a new refund unless its id exists; concurrent duplicates serialize on the primary key. */
    public boolean insertIfAbsent(String refundId, String paymentOrderId, long amountMinor, String currency) {
        return jdbc.sql("""
                INSERT INTO refund (refund_id, payment_order_id, amount_minor, currency) VALUES (?, ?, ?, ?)
                ON CONFLICT (refund_id) DO NOTHING""")
                .params(refundId, paymentOrderId, amountMinor, currency).update() == 1;
    }

    public Optional<Refund> find(String refundId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM refund WHERE refund_id = ?").param(refundId)
                .query(RefundRepository::map).optional();
    }

    public Optional<Refund> findByPspReference(String pspRefundReference) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM refund WHERE psp_refund_reference = ?").param(pspRefundReference)
                .query(RefundRepository::map).optional();
    }

    public List<Refund> findByPaymentOrder(String paymentOrderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM refund WHERE payment_order_id = ? ORDER BY created_at, refund_id")
                .param(paymentOrderId).query(RefundRepository::map).list();
    }

    /** {@code REQUESTED → PENDING}: the PSP accepted it and will tell the result by webhook. */
    public boolean markPending(String refundId, int attempt, String pspRefundReference) {
        return jdbc.sql("""
                UPDATE refund SET status = 'PENDING', psp_refund_reference = ?, status_changed_at = now(), updated_at = now()
                WHERE refund_id = ? AND attempt = ? AND status = 'REQUESTED'""")
                .params(pspRefundReference, refundId, attempt).update() == 1;
    }

    /** {@code REQUESTED | PENDING → SUCCEEDED}; empty when it is already resolved. */
    public Optional<Refund> markSucceeded(String refundId, String pspRefundReference) {
        return jdbc.sql("""
                UPDATE refund SET status = 'SUCCEEDED', psp_refund_reference = COALESCE(?, psp_refund_reference),
                       status_changed_at = now(), updated_at = now()
                WHERE refund_id = ? AND status IN ('REQUESTED', 'PENDING')
                RETURNING""" + " " + COLUMNS)
                .params(pspRefundReference, refundId).query(RefundRepository::map).optional();
    }

    /** {@code REQUESTED | PENDING → FAILED}; empty when it is already resolved. */
    public Optional<Refund> markFailed(String refundId, String pspRefundReference, String failureCode,
                                       String failureMessage) {
        return jdbc.sql("""
                UPDATE refund SET status = 'FAILED', psp_refund_reference = COALESCE(?, psp_refund_reference),
                       failure_code = ?, failure_message = ?, status_changed_at = now(), updated_at = now()
                WHERE refund_id = ? AND status IN ('REQUESTED', 'PENDING')
                RETURNING""" + " " + COLUMNS)
                .params(pspRefundReference, failureCode, truncate(failureMessage), refundId)
                .query(RefundRepository::map).optional();
    }

    /** Refunds still unresolved after {@code age}, oldest first. */
    public List<Refund> findUnresolvedLongerThan(Duration age, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM refund
                WHERE status IN ('REQUESTED', 'PENDING') AND status_changed_at < now() - make_interval(secs => ?)
                ORDER BY status_changed_at LIMIT ?""")
                .params(age.toMillis() / 1000.0, limit).query(RefundRepository::map).list();
    }

    private static String truncate(String message) {
        return message == null || message.length() <= 500 ? message : message.substring(0, 497) + "...";
    }

    private static Refund map(ResultSet rs, int row) throws SQLException {
        return new Refund(
                rs.getString("refund_id"),
                rs.getString("payment_order_id"),
                rs.getLong("amount_minor"),
                rs.getString("currency"),
                RefundStatus.valueOf(rs.getString("status")),
                rs.getInt("attempt"),
                rs.getString("psp_refund_reference"),
                rs.getString("failure_code"),
                rs.getString("failure_message"),
                rs.getBoolean("wallet_updated"),
                rs.getBoolean("ledger_updated"),
                instant(rs, "status_changed_at"),
                instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
