package dev.kassa.payment.webhook;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One row of {@code psp_webhook_event}: a verified PSP event, recorded once per event id. Written only by the
 * statements of {@link WebhookEvents} (the payload column is {@code jsonb}, read as its text).
 */
@Table("psp_webhook_event")
record WebhookEvent(@Id String eventId, String eventType, String objectId, WebhookOutcome outcome, String detail,
                    String payload, Instant receivedAt) {
}
