package dev.kassa.payment.webhook;

import java.time.Instant;
import java.util.List;
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

    private final UnmatchedWebhooks unmatched;

    public UnmatchedWebhookController(UnmatchedWebhooks unmatched) {
        this.unmatched = unmatched;
    }

    @JsonNaming(SnakeCaseStrategy.class)
    public record UnmatchedEvent(String eventId, String eventType, String objectId, String detail, Instant receivedAt,
                                 String payload) {

        static UnmatchedEvent of(WebhookEvent event) {
            return new UnmatchedEvent(event.eventId(), event.eventType(), event.objectId(), event.detail(),
                    event.receivedAt(), event.payload());
        }
    }

    @GetMapping("/admin/webhooks/unmatched")
    public List<UnmatchedEvent> list(@RequestParam(defaultValue = "50") int limit) {
        return unmatched.newestFirst(limit).stream().map(UnmatchedEvent::of).toList();
    }
}
