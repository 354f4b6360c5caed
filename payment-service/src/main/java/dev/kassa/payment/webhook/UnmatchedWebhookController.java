package dev.kassa.payment.webhook;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code GET /admin/webhooks/unmatched}: verified PSP events that matched no payment order or refund of
 * ours (acknowledged so the PSP stops redelivering them), newest first, with their payload.
 */
@RestController
class UnmatchedWebhookController {

    private static final int MAX_LIMIT = 500;

    private final JdbcClient jdbc;

    public UnmatchedWebhookController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @JsonNaming(SnakeCaseStrategy.class)
    public record UnmatchedEvent(String eventId, String eventType, String objectId, String detail, Instant receivedAt,
                                 String payload) {
    }

    @GetMapping("/admin/webhooks/unmatched")
    public List<UnmatchedEvent> list(@RequestParam(defaultValue = "50") int limit) {
        return jdbc.sql("""
                SELECT event_id, event_type, object_id, detail, received_at, payload::text AS payload
                  FROM psp_webhook_event WHERE outcome = 'UNMATCHED' ORDER BY received_at DESC LIMIT ?""")
                .param(Math.clamp(limit, 1, MAX_LIMIT))
                .query((rs, n) -> new UnmatchedEvent(rs.getString("event_id"), rs.getString("event_type"),
                        rs.getString("object_id"), rs.getString("detail"),
                        rs.getObject("received_at", OffsetDateTime.class).toInstant(), rs.getString("payload")))
                .list();
    }
}
