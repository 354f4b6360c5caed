package dev.kassa.payment.risk;

import dev.kassa.payment.EntityRows;
import java.util.List;
import org.springframework.data.jdbc.core.convert.JdbcConverter;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * On JdbcClient because each is one set-based statement over a wave's orders ({@code unnest} of arrays, a CTE that
 * upserts and then blocks), which repository methods cannot express. Blocks map as the repository maps them.
 */
class RiskScreeningImpl implements RiskScreening {

    /** The three subjects of an order, from its checkout: what blocks and failure windows are keyed by. */
    private static final String SUBJECTS = """
            (VALUES ('TOKEN', c.payment_method_token),
                    ('BUYER', o.merchant_id || ':' || c.buyer_user_id),
                    ('ADDRESS', c.client_address)) AS s(kind, subject)""";

    private final JdbcClient jdbc;
    private final RowMapper<RiskBlock> blocks;

    RiskScreeningImpl(JdbcClient jdbc, JdbcConverter converter) {
        this.jdbc = jdbc;
        this.blocks = EntityRows.of(converter, RiskBlock.class);
    }

    @Override
    public List<ScreenedOrder> screen(List<String> paymentOrderIds, List<Integer> attempts) {
        return jdbc.sql("""
                        SELECT o.payment_order_id, o.attempt, o.merchant_id, o.amount_minor, o.currency,
                               b.block_id, b.rule, b.reason
                          FROM unnest(?::text[], ?::int[]) AS r(payment_order_id, attempt)
                          JOIN payment_order o ON o.payment_order_id = r.payment_order_id AND o.attempt = r.attempt
                                              AND o.status = 'NOT_STARTED'
                          JOIN checkout c ON c.checkout_id = o.checkout_id
                          LEFT JOIN LATERAL (
                              SELECT b.block_id, b.rule, b.reason
                                FROM %s
                                JOIN risk_block b ON b.kind = s.kind AND b.subject = s.subject
                               WHERE b.lifted_at IS NULL AND (b.expires_at IS NULL OR b.expires_at > now())
                               ORDER BY b.block_id
                               LIMIT 1) b ON true""".formatted(SUBJECTS))
                .params(paymentOrderIds.toArray(String[]::new), attempts.toArray(Integer[]::new))
                .query((row, n) -> new ScreenedOrder(row.getString("payment_order_id"), row.getInt("attempt"),
                        row.getString("merchant_id"), row.getLong("amount_minor"), row.getString("currency"),
                        row.getObject("block_id", Long.class), row.getString("rule"), row.getString("reason")))
                .list();
    }

    @Override
    public List<RiskBlock> countDeclines(List<String> paymentOrderIds, List<RiskProperties.Rule> rules,
                                         List<RiskSubject.Kind> kinds) {
        // Rows are upserted in (kind, subject) order, so that two transactions counting the same subjects lock them
        // in the same order and never deadlock.
        return jdbc.sql("""
                        WITH rules AS (
                            SELECT * FROM unnest(?::text[], ?::int[], ?::bigint[], ?::bigint[])
                                       AS r(kind, threshold, window_ms, block_ms)
                        ), declined AS (
                            SELECT s.kind, s.subject, count(*)::int AS n
                              FROM payment_order o
                              JOIN checkout c ON c.checkout_id = o.checkout_id
                             CROSS JOIN LATERAL %s
                             WHERE o.payment_order_id = ANY(?::text[]) AND s.subject IS NOT NULL
                               AND s.kind IN (SELECT kind FROM rules)
                             GROUP BY s.kind, s.subject
                        ), counted AS (
                            INSERT INTO risk_failure_window AS w (kind, subject, window_started_at, failures)
                            SELECT kind, subject, now(), n FROM declined ORDER BY kind, subject
                            ON CONFLICT (kind, subject) DO UPDATE
                               SET failures = CASE WHEN w.window_started_at > now() - (
                                                       SELECT r.window_ms FROM rules r WHERE r.kind = w.kind)
                                                       * interval '1 millisecond'
                                                   THEN w.failures + EXCLUDED.failures ELSE EXCLUDED.failures END,
                                   window_started_at = CASE WHEN w.window_started_at > now() - (
                                                       SELECT r.window_ms FROM rules r WHERE r.kind = w.kind)
                                                       * interval '1 millisecond'
                                                   THEN w.window_started_at ELSE now() END
                            RETURNING w.kind, w.subject, w.failures
                        )
                        INSERT INTO risk_block AS b (kind, subject, rule, reason, expires_at)
                        SELECT c.kind, c.subject, 'velocity_' || lower(c.kind),
                               c.failures || ' declined charges within ' || (r.window_ms / 1000) || ' s',
                               now() + r.block_ms * interval '1 millisecond'
                          FROM counted c JOIN rules r ON r.kind = c.kind
                         WHERE c.failures >= r.threshold
                         ORDER BY c.kind, c.subject
                        ON CONFLICT (kind, subject, rule) WHERE lifted_at IS NULL DO UPDATE
                           SET reason = EXCLUDED.reason, expires_at = EXCLUDED.expires_at
                        RETURNING b.*""".formatted(SUBJECTS))
                .params(kinds.stream().map(Enum::name).toArray(String[]::new),
                        rules.stream().map(RiskProperties.Rule::blockAfterFailures).toArray(Integer[]::new),
                        rules.stream().map(rule -> rule.window().toMillis()).toArray(Long[]::new),
                        rules.stream().map(rule -> rule.blockFor().toMillis()).toArray(Long[]::new),
                        paymentOrderIds.toArray(String[]::new))
                .query(blocks)
                .list();
    }

    @Override
    public void recordDecisions(List<RiskDecision> decisions) {
        if (decisions.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO risk_decision (payment_order_id, attempt, rule, block_id, detail)
                        SELECT * FROM unnest(?::text[], ?::int[], ?::text[], ?::bigint[], ?::text[])
                        ON CONFLICT (payment_order_id, attempt) DO NOTHING""")
                .params(decisions.stream().map(RiskDecision::paymentOrderId).toArray(String[]::new),
                        decisions.stream().map(RiskDecision::attempt).toArray(Integer[]::new),
                        decisions.stream().map(RiskDecision::rule).toArray(String[]::new),
                        decisions.stream().map(RiskDecision::blockId).toArray(Long[]::new),
                        decisions.stream().map(RiskDecision::detail).toArray(String[]::new))
                .update();
    }

    @Override
    public List<RiskDecision> decisionsOf(String paymentOrderId) {
        return jdbc.sql("""
                        SELECT payment_order_id, attempt, rule, block_id, detail, decided_at
                          FROM risk_decision WHERE payment_order_id = ? ORDER BY attempt""")
                .param(paymentOrderId)
                .query((row, n) -> new RiskDecision(row.getString("payment_order_id"), row.getInt("attempt"),
                        row.getString("rule"), row.getObject("block_id", Long.class), row.getString("detail"),
                        row.getTimestamp("decided_at").toInstant()))
                .list();
    }
}
