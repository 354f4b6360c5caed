package dev.kassa.pspmock.intent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import dev.kassa.pspmock.api.ApiJson;
import dev.kassa.pspmock.api.DbTime;
import dev.kassa.pspmock.api.RowInsert;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;

@Repository
public class PaymentIntentRepository {

    private static final String COLUMNS =
            "id, amount, currency, status, payment_method, metadata, last_payment_error, amount_refunded, created_at";

    private final JdbcClient jdbc;
    private final ApiJson json;

    PaymentIntentRepository(JdbcClient jdbc, ApiJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * {@code resolveAt} and {@code resolvesTo} only for a processing intent; {@code alongWith}: the other rows of the
     * charge (its balance transaction, its event), written by the same statement.
     */
    void insert(PaymentIntent intent, Instant resolveAt, String resolvesTo, List<RowInsert> alongWith) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", intent.id());
        parameters.put("amount", intent.amount());
        parameters.put("currency", intent.currency());
        parameters.put("status", intent.status());
        parameters.put("paymentMethod", intent.paymentMethod());
        parameters.put("metadata", json.write(intent.metadata()));
        parameters.put("error", intent.lastPaymentError() == null ? null : json.write(intent.lastPaymentError()));
        parameters.put("created", DbTime.utc(intent.created()));
        parameters.put("resolveAt", DbTime.utc(resolveAt));
        parameters.put("resolvesTo", resolvesTo);
        List<RowInsert> rows = new ArrayList<>(alongWith);
        rows.add(new RowInsert("""
                insert into payment_intent (id, amount, currency, status, payment_method, metadata,
                    last_payment_error, amount_refunded, created_at, resolve_at, resolves_to)
                values (:id, :amount, :currency, :status, :paymentMethod, cast(:metadata as jsonb),
                    cast(:error as jsonb), 0, :created, :resolveAt, :resolvesTo)""", parameters));
        RowInsert.execute(jdbc, rows);
    }

    public Optional<PaymentIntent> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from payment_intent where id = :id").param("id", id)
                .query(this::map).optional();
    }

    /** Locks the intent for the rest of the transaction: refunds of one intent are decided one at a time. */
    public Optional<PaymentIntent> findForUpdate(String id) {
        return jdbc.sql("select " + COLUMNS + " from payment_intent where id = :id for update").param("id", id)
                .query(this::map).optional();
    }

    /** A processing intent whose time has come, and whether it is to succeed. */
    record DueIntent(PaymentIntent intent, boolean succeeds) {
    }

    /** Due processing intents, locked; other resolvers (other instances) skip them. */
    List<DueIntent> lockDueProcessing(Instant now, int limit) {
        return jdbc.sql("select " + COLUMNS + ", resolves_to from payment_intent "
                        + "where status = 'processing' and resolve_at <= :now "
                        + "order by resolve_at limit :limit for update skip locked")
                .param("now", DbTime.utc(now)).param("limit", limit)
                .query((rs, n) -> new DueIntent(map(rs, n), PaymentIntent.SUCCEEDED.equals(rs.getString("resolves_to"))))
                .list();
    }

    /** When the earliest processing intent is due (from the index of processing intents), null if none is processing. */
    Instant nextResolution() {
        return jdbc.sql("select resolve_at from payment_intent where status = 'processing' order by resolve_at limit 1")
                .query((rs, n) -> DbTime.instant(rs, "resolve_at")).optional().orElse(null);
    }

    /** Moves a locked processing intent to its final status. */
    void resolve(PaymentIntent resolved) {
        jdbc.sql("""
                        update payment_intent
                        set status = :status, last_payment_error = cast(:error as jsonb), resolve_at = null, resolves_to = null
                        where id = :id and status = 'processing'""")
                .param("status", resolved.status())
                .param("error", resolved.lastPaymentError() == null ? null : json.write(resolved.lastPaymentError()))
                .param("id", resolved.id())
                .update();
    }

    /** Reserves refundable amount; false if it would exceed what was charged (the check constraint as a guard). */
    public boolean reserveRefund(String id, long amount) {
        return jdbc.sql("""
                        update payment_intent set amount_refunded = amount_refunded + :amount
                        where id = :id and status = 'succeeded' and amount_refunded + :amount <= amount""")
                .param("amount", amount).param("id", id)
                .update() == 1;
    }

    /** A failed refund gives its amount back. */
    public void releaseRefund(String id, long amount) {
        jdbc.sql("update payment_intent set amount_refunded = amount_refunded - :amount where id = :id")
                .param("amount", amount).param("id", id)
                .update();
    }

    private PaymentIntent map(ResultSet rs, int row) throws SQLException {
        String error = rs.getString("last_payment_error");
        return new PaymentIntent(rs.getString("id"), rs.getLong("amount"), rs.getString("currency"),
                rs.getString("status"), rs.getString("payment_method"),
                new TreeMap<>(json.readStringMap(rs.getString("metadata"))),
                error == null ? null : cardError(json.readTree(error)),
                rs.getLong("amount_refunded"), DbTime.instant(rs, "created_at"));
    }

    private static CardError cardError(JsonNode node) {
        return new CardError(node.path("type").stringValue(null), node.path("code").stringValue(null),
                node.path("decline_code").stringValue(null), node.path("message").stringValue(null));
    }
}
