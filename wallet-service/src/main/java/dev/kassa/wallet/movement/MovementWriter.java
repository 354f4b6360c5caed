package dev.kassa.wallet.movement;

import java.sql.Timestamp;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes a movement and its balance change in ONE statement.
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
 * <p>The same statement skips an event that already has a movement (the business key behind the inbox).
 * Two transactions applying the same event at the same moment both pass that check; the second then fails on
 * the unique {@code source_event_id} and rolls back, balance change included.
 */
@Repository
class MovementWriter {

    private static final String APPLY = """
            WITH new_event AS (
                SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM wallet_movement WHERE source_event_id = :sourceEventId)
            ), balance AS (
                INSERT INTO wallet_balance (account_id, currency, balance_minor, updated_at)
                SELECT :account, :currency, :delta, clock_timestamp() FROM new_event
                ON CONFLICT (account_id, currency) DO UPDATE
                   SET balance_minor = wallet_balance.balance_minor + EXCLUDED.balance_minor,
                       updated_at = EXCLUDED.updated_at
                RETURNING balance_minor
            )
            INSERT INTO wallet_movement (movement_id, account_id, currency, kind, amount_minor, balance_after_minor,
                                         source_event_id, payment_order_id, checkout_id, refund_id, occurred_at)
            SELECT :movementId, :account, :currency, :kind, :amount, balance.balance_minor,
                   :sourceEventId, :paymentOrderId, :checkoutId, :refundId, :occurredAt
              FROM balance
            RETURNING balance_after_minor
            """;

    private final JdbcClient jdbc;

    MovementWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds the movement's signed amount to its (account, currency) balance, creating the balance at zero
     * first if needed, and stores the movement. Runs in the caller's transaction, which holds the balance
     * row's lock until it ends.
     *
     * @return the balance after the movement, or empty when the source event already has a movement
     */
    OptionalLong apply(UUID movementId, MovementRequest request) {
        return jdbc.sql(APPLY)
                .param("sourceEventId", request.sourceEventId())
                .param("account", request.accountId())
                .param("currency", request.currency())
                .param("delta", request.signedAmountMinor())
                .param("movementId", movementId)
                .param("kind", request.kind().name())
                .param("amount", request.amountMinor())
                .param("paymentOrderId", request.paymentOrderId())
                .param("checkoutId", request.checkoutId())
                .param("refundId", request.refundId())
                .param("occurredAt", Timestamp.from(request.occurredAt()))
                .query(Long.class)
                .optional()
                .map(OptionalLong::of)
                .orElseGet(OptionalLong::empty);
    }
}
