package dev.kassa.pspmock.refund;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import dev.kassa.pspmock.api.ApiJson;
import dev.kassa.pspmock.api.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RefundRepository {

    private static final String COLUMNS =
            "r.id, r.payment_intent_id, r.amount, r.currency, r.status, r.failure_reason, r.metadata, r.created_at";

    /** A pending refund whose time has come, whether it is to succeed, and its payment's order id. */
    record DueRefund(Refund refund, boolean succeeds, String paymentOrderId) {
    }

    private final JdbcClient jdbc;
    private final ApiJson json;

    RefundRepository(JdbcClient jdbc, ApiJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Refund refund, Instant resolveAt, String resolvesTo) {
        jdbc.sql("""
                        insert into refund (id, payment_intent_id, amount, currency, status, failure_reason, metadata,
                            created_at, resolve_at, resolves_to)
                        values (:id, :pi, :amount, :currency, :status, :reason, cast(:metadata as jsonb),
                            :created, :resolveAt, :resolvesTo)""")
                .param("id", refund.id()).param("pi", refund.paymentIntentId()).param("amount", refund.amount())
                .param("currency", refund.currency()).param("status", refund.status())
                .param("reason", refund.failureReason()).param("metadata", json.write(refund.metadata()))
                .param("created", DbTime.utc(refund.created()))
                .param("resolveAt", DbTime.utc(resolveAt)).param("resolvesTo", resolvesTo)
                .update();
    }

    Optional<Refund> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from refund r where r.id = :id").param("id", id)
                .query(this::map).optional();
    }

    List<DueRefund> lockDuePending(Instant now, int limit) {
        return jdbc.sql("select " + COLUMNS + ", r.resolves_to, p.metadata ->> 'payment_order_id' as payment_order_id "
                        + "from refund r join payment_intent p on p.id = r.payment_intent_id "
                        + "where r.status = 'pending' and r.resolve_at <= :now "
                        + "order by r.resolve_at limit :limit for update of r skip locked")
                .param("now", DbTime.utc(now)).param("limit", limit)
                .query((rs, n) -> new DueRefund(map(rs, n), Refund.SUCCEEDED.equals(rs.getString("resolves_to")),
                        rs.getString("payment_order_id")))
                .list();
    }

    /** When the earliest pending refund is due (from the index of pending refunds), null if none is pending. */
    Instant nextResolution() {
        return jdbc.sql("select resolve_at from refund where status = 'pending' order by resolve_at limit 1")
                .query((rs, n) -> DbTime.instant(rs, "resolve_at")).optional().orElse(null);
    }

    void resolve(Refund resolved) {
        jdbc.sql("""
                        update refund set status = :status, failure_reason = :reason, resolve_at = null, resolves_to = null
                        where id = :id and status = 'pending'""")
                .param("status", resolved.status()).param("reason", resolved.failureReason())
                .param("id", resolved.id())
                .update();
    }

    private Refund map(ResultSet rs, int row) throws SQLException {
        return new Refund(rs.getString("id"), rs.getString("payment_intent_id"), rs.getLong("amount"),
                rs.getString("currency"), rs.getString("status"), rs.getString("failure_reason"),
                new TreeMap<>(json.readStringMap(rs.getString("metadata"))), DbTime.instant(rs, "created_at"));
    }
}
