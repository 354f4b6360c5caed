package dev.kassa.payment.webhook;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code psp_webhook_event}: one row per PSP event id. On the full path it is inserted first in the
 * transaction that applies the event, so that two deliveries of one event serialize on the primary key and
 * only one applies. An event whose result is already applied is recorded by ONE statement instead (see
 * {@link #recordIfPaymentApplied}).
 */
@Repository
class WebhookEventStore {

    /** What the one-statement check of an event found. */
    public enum Check {
        /** The state already reflects the event; it is recorded now (outcome IGNORED). */
        RECORDED,
        /** The state already reflects the event, which was recorded before: a redelivery. */
        DUPLICATE,
        /** Nothing was written: the event may change state (or matches nothing), so it takes the full path. */
        NOT_APPLIED
    }

    private final JdbcClient jdbc;

    public WebhookEventStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Bounds how long the current transaction waits for a row lock; past it, a statement fails with SQL state
     * 55P03 (PostgreSQL's {@code lock_timeout}), which the shared problem handler answers 503.
     */
    public void limitLockWait(java.time.Duration wait) {
        jdbc.sql("SELECT set_config('lock_timeout', ?, true)").param(wait.toMillis() + "ms").query().singleValue();
    }

    /** @return false when the event id was recorded before (a redelivery) */
    public boolean insertIfAbsent(String eventId, String type, String objectId) {
        return jdbc.sql("""
                INSERT INTO psp_webhook_event (event_id, event_type, object_id, outcome) VALUES (?, ?, ?, 'IGNORED')
                ON CONFLICT (event_id) DO NOTHING""")
                .params(eventId, type, objectId).update() == 1;
    }

    /** Records what the event did; the payload is kept only for UNMATCHED events, for operators. */
    public void recordOutcome(String eventId, WebhookOutcome outcome, String detail, String payloadJson) {
        jdbc.sql("UPDATE psp_webhook_event SET outcome = ?, detail = ?, payload = CAST(? AS jsonb) WHERE event_id = ?")
                .params(outcome.name(), detail, outcome == WebhookOutcome.UNMATCHED ? payloadJson : null, eventId)
                .update();
    }

    /**
     * In ONE statement (and, outside a transaction, one commit): reads the payment order and, if it already
     * stands where the event would put it, records the event as IGNORED. "Already applied" means the same
     * final status, attempt, PSP intent and money, so an event that could still change anything, or that
     * the full path would log as suspicious (other money), finds no match here and writes nothing.
     *
     * <p>Safe without a lock: SUCCEEDED and FAILED are only left by a manual retry, which raises the attempt,
     * so an order that matches now has had this result applied, whatever happens next. A concurrent delivery
     * of the same event that is still on the full path holds the event id; this insert then waits for it and
     * finds a DUPLICATE, or takes the id if that transaction rolled back.
     */
    public Check recordIfPaymentApplied(PspEvent event, String status, int attempt, String currency) {
        return jdbc.sql("""
                WITH target AS (
                    SELECT o.status,
                           COALESCE(o.status = :status AND o.attempt = :attempt AND o.psp_reference = :intent
                                    AND o.amount_minor = :amount AND o.currency = :currency, false) AS applied
                      FROM payment_order o WHERE o.payment_order_id = :order
                ), recorded AS (
                    INSERT INTO psp_webhook_event (event_id, event_type, object_id, outcome, detail)
                    SELECT :event, :type, :intent, 'IGNORED', 'order already ' || status FROM target WHERE applied
                    ON CONFLICT (event_id) DO NOTHING
                    RETURNING event_id
                )
                SELECT applied, EXISTS (SELECT 1 FROM recorded) FROM target""")
                .param("status", status).param("attempt", attempt).param("intent", event.object().id())
                .param("amount", event.object().amount()).param("currency", currency)
                .param("order", event.object().paymentOrderId())
                .param("event", event.id()).param("type", event.type())
                .query(WebhookEventStore::check).optional().orElse(Check.NOT_APPLIED);
    }

    /** {@link #recordIfPaymentApplied} for a refund: already in the event's final status with its PSP refund id. */
    public Check recordIfRefundApplied(PspEvent event, String status) {
        return jdbc.sql("""
                WITH target AS (
                    SELECT r.status, COALESCE(r.status = :status AND r.psp_refund_reference = :object, false) AS applied
                      FROM refund r WHERE r.refund_id = :refund
                ), recorded AS (
                    INSERT INTO psp_webhook_event (event_id, event_type, object_id, outcome, detail)
                    SELECT :event, :type, :object, 'IGNORED', 'refund already ' || status FROM target WHERE applied
                    ON CONFLICT (event_id) DO NOTHING
                    RETURNING event_id
                )
                SELECT applied, EXISTS (SELECT 1 FROM recorded) FROM target""")
                .param("status", status).param("object", event.object().id())
                .param("refund", event.object().refundId())
                .param("event", event.id()).param("type", event.type())
                .query(WebhookEventStore::check).optional().orElse(Check.NOT_APPLIED);
    }

    /** An event of a type Kassa does not act on, recorded as IGNORED in one statement; false for a redelivery. */
    public boolean recordNotActedOn(PspEvent event) {
        return jdbc.sql("""
                INSERT INTO psp_webhook_event (event_id, event_type, object_id, outcome, detail)
                VALUES (?, ?, ?, 'IGNORED', 'event type not acted on')
                ON CONFLICT (event_id) DO NOTHING""")
                .params(event.id(), event.type(), event.object().id()).update() == 1;
    }

    public long countUnmatched() {
        return jdbc.sql("SELECT count(*) FROM psp_webhook_event WHERE outcome = 'UNMATCHED'").query(Long.class).single();
    }

    private static Check check(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        if (!rs.getBoolean(1)) {
            return Check.NOT_APPLIED;
        }
        return rs.getBoolean(2) ? Check.RECORDED : Check.DUPLICATE;
    }
}
