package dev.kassa.wallet.movement;

import java.sql.Timestamp;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only movement log: one row per applied {@code payment.results} event. */
@Repository
public class MovementStore {

    private final JdbcClient jdbc;

    public MovementStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the event already produced a movement (the business-key check behind the inbox). */
    public boolean existsForSourceEvent(String sourceEventId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM wallet_movement WHERE source_event_id = :id)")
                .param("id", sourceEventId)
                .query(Boolean.class)
                .single();
    }

    /**
     * Inserts the movement. The unique source event id makes a concurrent second application fail
     * (and its transaction roll back) instead of moving money twice.
     */
    public void insert(UUID movementId, MovementRequest request, long balanceAfterMinor) {
        jdbc.sql("""
                        INSERT INTO wallet_movement (movement_id, account_id, currency, kind, amount_minor,
                                                     balance_after_minor, source_event_id, payment_order_id,
                                                     checkout_id, refund_id, occurred_at)
                        VALUES (:movementId, :account, :currency, :kind, :amount, :balanceAfter, :sourceEventId,
                                :paymentOrderId, :checkoutId, :refundId, :occurredAt)
                        """)
                .param("movementId", movementId)
                .param("account", request.accountId())
                .param("currency", request.currency())
                .param("kind", request.kind().name())
                .param("amount", request.amountMinor())
                .param("balanceAfter", balanceAfterMinor)
                .param("sourceEventId", request.sourceEventId())
                .param("paymentOrderId", request.paymentOrderId())
                .param("checkoutId", request.checkoutId())
                .param("refundId", request.refundId())
                .param("occurredAt", Timestamp.from(request.occurredAt()))
                .update();
    }
}
