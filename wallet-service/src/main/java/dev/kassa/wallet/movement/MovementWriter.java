package dev.kassa.wallet.movement;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Writes movements and their balance changes in ONE statement, for one movement or a consumer's whole batch
 * (set-based: per-row saves of balances and movements would cost a round trip and a lock each).
 *
 * <p>Why an atomic upsert and not a row lock ({@code SELECT … FOR UPDATE}, compute in Java, then
 * {@code UPDATE}): {@code INSERT … ON CONFLICT DO UPDATE SET balance_minor = balance_minor + delta RETURNING}
 * reads, adds and writes inside PostgreSQL. The update locks the balance row until our transaction ends, and
 * under READ COMMITTED a concurrent update of the same row waits for that lock and then re-applies its
 * {@code + delta} to the newest committed version, so two credits can never both start from the same old
 * balance (no lost update). The lock is held for the shortest time, with no Java code and no extra round
 * trip in between, and the first movement of a new seller needs no existence check: two first credits
 * racing for a new wallet meet on the primary key and one of them becomes the update. A hot seller's
 * movements serialize on its row, which is exactly the order that {@code balance_after_minor} needs; the
 * movement row (and its {@code seq}) is written while that lock is held, so per (account, currency) the
 * movement order is the balance order.
 *
 * <p>The balance records the seller's merchant from the first credit that names one and keeps it (a seller
 * belongs to one merchant, payment-service's rule); the wallet API shows a merchant only the balances recording it.
 *
 * <p>The same statement skips an event that already has a movement (the business key behind the inbox), and a
 * refund's debit or a dispute's debit or credit that another event already made (a re-published record with a
 * new event id).
 * Two transactions applying the same event at the same moment both pass that check; the second then fails on
 * the unique {@code source_event_id} and rolls back, balance change included.
 */
@Repository
class MovementWriter {

    /*
     * One statement for one movement or a whole batch. Balances move once per (account, currency) by the batch's sum,
     * upserted in key order: concurrent batches lock balance rows in the same order, so they wait for each
     * other but never deadlock. Each movement's balance_after is the balance after the batch minus the
     * batch's later movements of that balance, i.e. exactly what applying them one by one in order gives;
     * the movements are inserted in that order, so seq still follows the balance chain.
     */
    private static final String APPLY_ALL = """
            WITH input AS (
                SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[],
                                     ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[])
                    WITH ORDINALITY AS i(movement_id, account_id, currency, kind, amount_minor, delta,
                                         source_event_id, payment_order_id, checkout_id, refund_id, occurred_at,
                                         merchant_id, dispute_id, n)
            ), fresh AS (
                SELECT i.* FROM input i
                WHERE NOT EXISTS (SELECT 1 FROM wallet_movement m WHERE m.source_event_id = i.source_event_id)
                  -- A refund's debit and a dispute's debit and credit move once, whatever event carried them
                  -- (wallet_movement_one_per_refund, wallet_movement_one_per_dispute), also when two copies
                  -- arrive in one batch: the first applies, so the batch need not fail.
                  AND NOT EXISTS (SELECT 1 FROM wallet_movement m WHERE m.refund_id = i.refund_id)
                  AND NOT EXISTS (SELECT 1 FROM wallet_movement m WHERE m.dispute_id = i.dispute_id AND m.kind = i.kind)
                  AND NOT EXISTS (SELECT 1 FROM input e
                                  WHERE e.n < i.n AND (e.refund_id = i.refund_id
                                                       OR (e.dispute_id = i.dispute_id AND e.kind = i.kind)))
            ), balance AS (
                INSERT INTO wallet_balance AS b (account_id, currency, balance_minor, updated_at, merchant_id)
                SELECT account_id, currency, sum(delta)::bigint, clock_timestamp(), min(merchant_id)
                  FROM fresh GROUP BY account_id, currency ORDER BY account_id, currency
                ON CONFLICT (account_id, currency) DO UPDATE
                   SET balance_minor = b.balance_minor + EXCLUDED.balance_minor,
                       updated_at = EXCLUDED.updated_at,
                       merchant_id = coalesce(b.merchant_id, EXCLUDED.merchant_id)
                RETURNING b.account_id, b.currency, b.balance_minor
            )
            INSERT INTO wallet_movement (movement_id, account_id, currency, kind, amount_minor, balance_after_minor,
                                         source_event_id, payment_order_id, checkout_id, refund_id, occurred_at,
                                         dispute_id)
            SELECT f.movement_id, f.account_id, f.currency, f.kind, f.amount_minor,
                   bal.balance_minor - coalesce(sum(f.delta) OVER (PARTITION BY f.account_id, f.currency ORDER BY f.n
                                                ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING), 0)::bigint,
                   f.source_event_id, f.payment_order_id, f.checkout_id, f.refund_id, f.occurred_at, f.dispute_id
              FROM fresh f JOIN balance bal ON bal.account_id = f.account_id AND bal.currency = f.currency
             ORDER BY f.n
            RETURNING source_event_id, balance_after_minor
            """;

    private final JdbcTemplate jdbcTemplate;

    MovementWriter(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    /**
     * Adds the movement's signed amount to its (account, currency) balance, creating the balance at zero
     * first if needed, and stores the movement. Runs in the caller's transaction, which holds the balance
     * row's lock until it ends.
     *
     * @return the balance after the movement, or empty when the source event already has a movement
     */
    OptionalLong apply(UUID movementId, MovementRequest request) {
        Long balanceAfter = applyAll(List.of(movementId), List.of(request)).get(request.sourceEventId());
        return balanceAfter == null ? OptionalLong.empty() : OptionalLong.of(balanceAfter);
    }

    /**
     * {@link #apply} for each movement in order, in one statement.
     *
     * @param movementIds the id for each request's movement, same order
     * @return the balance after each movement that was applied, by source event id; a request whose source
     *         event already has a movement is absent
     */
    Map<String, Long> applyAll(List<UUID> movementIds, List<MovementRequest> requests) {
        int n = requests.size();
        UUID[] ids = movementIds.toArray(UUID[]::new);
        String[] accounts = new String[n];
        String[] currencies = new String[n];
        String[] kinds = new String[n];
        Long[] amounts = new Long[n];
        Long[] deltas = new Long[n];
        String[] sourceEventIds = new String[n];
        String[] paymentOrderIds = new String[n];
        String[] checkoutIds = new String[n];
        String[] refundIds = new String[n];
        Timestamp[] occurredAt = new Timestamp[n];
        String[] merchantIds = new String[n];
        String[] disputeIds = new String[n];
        for (int i = 0; i < n; i++) {
            MovementRequest request = requests.get(i);
            accounts[i] = request.accountId();
            currencies[i] = request.currency();
            kinds[i] = request.kind().name();
            amounts[i] = request.amountMinor();
            deltas[i] = request.signedAmountMinor();
            sourceEventIds[i] = request.sourceEventId();
            paymentOrderIds[i] = request.paymentOrderId();
            checkoutIds[i] = request.checkoutId();
            refundIds[i] = request.refundId();
            occurredAt[i] = Timestamp.from(request.occurredAt());
            merchantIds[i] = request.merchantId();
            disputeIds[i] = request.disputeId();
        }
        Map<String, Long> balanceAfter = new HashMap<>();
        jdbcTemplate.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(APPLY_ALL);
            int p = 1;
            statement.setArray(p++, connection.createArrayOf("uuid", ids));
            statement.setArray(p++, connection.createArrayOf("text", accounts));
            statement.setArray(p++, connection.createArrayOf("text", currencies));
            statement.setArray(p++, connection.createArrayOf("text", kinds));
            statement.setArray(p++, connection.createArrayOf("int8", amounts));
            statement.setArray(p++, connection.createArrayOf("int8", deltas));
            statement.setArray(p++, connection.createArrayOf("text", sourceEventIds));
            statement.setArray(p++, connection.createArrayOf("text", paymentOrderIds));
            statement.setArray(p++, connection.createArrayOf("text", checkoutIds));
            statement.setArray(p++, connection.createArrayOf("text", refundIds));
            statement.setArray(p++, connection.createArrayOf("timestamptz", occurredAt));
            statement.setArray(p++, connection.createArrayOf("text", merchantIds));
            statement.setArray(p, connection.createArrayOf("text", disputeIds));
            return statement;
        }, (ResultSet row) -> {
            balanceAfter.put(row.getString(1), row.getLong(2));
        });
        return balanceAfter;
    }
}
