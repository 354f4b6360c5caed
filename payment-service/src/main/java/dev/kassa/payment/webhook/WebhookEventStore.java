package dev.kassa.payment.webhook;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code psp_webhook_event}: one row per PSP event id, inserted first in the transaction that applies
 * the event, so that two deliveries of one event serialize on the primary key and only one applies.
 */
@Repository
public class WebhookEventStore {

    private final JdbcClient jdbc;

    public WebhookEventStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    public long countUnmatched() {
        return jdbc.sql("SELECT count(*) FROM psp_webhook_event WHERE outcome = 'UNMATCHED'").query(Long.class).single();
    }
}
