package dev.kassa.payment.webhook;

import java.util.List;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/**
 * The received PSP events, one row per event id. On the full path the row is inserted first in the transaction
 * that applies the event, so that two deliveries of one event serialize on the primary key and only one applies.
 * An event whose result is already applied is recorded by one statement instead ({@link WebhookEventChecks}).
 */
interface WebhookEvents extends Repository<WebhookEvent, String>, WebhookEventChecks {

    /** Claims the event id for the full path; false when it was recorded before (a redelivery). */
    @Modifying
    @Query("""
            INSERT INTO psp_webhook_event (event_id, event_type, object_id, outcome)
            VALUES (:eventId, :eventType, :objectId, 'IGNORED')
            ON CONFLICT (event_id) DO NOTHING""")
    boolean insertIfAbsent(String eventId, String eventType, String objectId);

    /** Records what the event did; {@code payloadJson} is for UNMATCHED events only (null otherwise). */
    @Modifying
    @Query("""
            UPDATE psp_webhook_event SET outcome = :outcome, detail = :detail, payload = CAST(:payloadJson AS jsonb)
            WHERE event_id = :eventId""")
    void recordOutcome(String eventId, WebhookOutcome outcome, String detail, String payloadJson);

    /** An event of a type Kassa does not act on, recorded as IGNORED in one statement; false for a redelivery. */
    @Modifying
    @Query("""
            INSERT INTO psp_webhook_event (event_id, event_type, object_id, outcome, detail)
            VALUES (:eventId, :eventType, :objectId, 'IGNORED', 'event type not acted on')
            ON CONFLICT (event_id) DO NOTHING""")
    boolean recordNotActedOn(String eventId, String eventType, String objectId);

    /** The verified events that matched no payment order or refund of ours, newest first, with their payload. */
    @Query("""
            SELECT event_id, event_type, object_id, outcome, detail, payload::text AS payload, received_at
              FROM psp_webhook_event WHERE outcome = 'UNMATCHED' ORDER BY received_at DESC LIMIT :limit""")
    List<WebhookEvent> findUnmatchedNewestFirst(int limit);
}
