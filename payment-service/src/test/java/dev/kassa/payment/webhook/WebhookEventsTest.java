package dev.kassa.payment.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.payment.PaymentServiceTestBase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link WebhookEvents} against the real database: one row per event id, and what operators list. */
class WebhookEventsTest extends PaymentServiceTestBase {

    @Autowired
    WebhookEvents events;

    @Test
    void anEventIdIsClaimedOnceAndItsOutcomeRecorded() {
        String older = id("evt");
        String newer = id("evt");

        assertThat(events.insertIfAbsent(older, "payment_intent.succeeded", "pi_" + older)).isTrue();
        assertThat(events.insertIfAbsent(older, "payment_intent.succeeded", "pi_" + older)).isFalse();
        events.recordOutcome(older, WebhookOutcome.UNMATCHED, "no payment order", "{\"id\": \"" + older + "\"}");
        events.insertIfAbsent(newer, "refund.failed", "re_" + newer);
        events.recordOutcome(newer, WebhookOutcome.UNMATCHED, "no refund", "{\"id\": \"" + newer + "\"}");

        List<WebhookEvent> unmatched = events.findUnmatchedNewestFirst(500).stream()
                .filter(e -> e.eventId().equals(older) || e.eventId().equals(newer)).toList();
        assertThat(unmatched).extracting(WebhookEvent::eventId).containsExactly(newer, older);
        WebhookEvent event = unmatched.getLast();
        assertThat(event.eventType()).isEqualTo("payment_intent.succeeded");
        assertThat(event.objectId()).isEqualTo("pi_" + older);
        assertThat(event.outcome()).isEqualTo(WebhookOutcome.UNMATCHED);
        assertThat(event.detail()).isEqualTo("no payment order");
        assertThat(event.payload()).isEqualTo("{\"id\": \"" + older + "\"}");
        assertThat(event.receivedAt()).isNotNull();
        assertThat(events.findUnmatchedNewestFirst(1)).hasSize(1);
    }

    @Test
    void anEventKassaDoesNotActOnIsRecordedOnceWithoutPayload() {
        String eventId = id("evt");

        assertThat(events.recordNotActedOn(eventId, "charge.updated", "ch_1")).isTrue();
        assertThat(events.recordNotActedOn(eventId, "charge.updated", "ch_1")).isFalse();
        assertThat(events.insertIfAbsent(eventId, "charge.updated", "ch_1")).as("already recorded").isFalse();
        assertThat(jdbc.sql("SELECT outcome || ' ' || detail || ' ' || (payload IS NULL) FROM psp_webhook_event"
                        + " WHERE event_id = ?").param(eventId).query(String.class).single())
                .isEqualTo("IGNORED event type not acted on true");
    }
}
