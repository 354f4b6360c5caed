package dev.kassa.payment.webhook;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Unmatched webhooks",
        description = "Verified PSP events that matched nothing of Kassa's, kept for operators")
class UnmatchedWebhookController {

    private final UnmatchedWebhooks unmatched;

    public UnmatchedWebhookController(UnmatchedWebhooks unmatched) {
        this.unmatched = unmatched;
    }

    @JsonNaming(SnakeCaseStrategy.class)
    public record UnmatchedEvent(@Schema(example = "evt_1Q0abc") String eventId,
                                 @Schema(example = "payment_intent.succeeded") String eventType,
                                 @Schema(nullable = true, description = "The PSP object the event is about")
                                 String objectId,
                                 @Schema(nullable = true) String detail, Instant receivedAt,
                                 @Schema(nullable = true, description = "The event as the PSP sent it (JSON text)")
                                 String payload) {

        static UnmatchedEvent of(WebhookEvent event) {
            return new UnmatchedEvent(event.eventId(), event.eventType(), event.objectId(), event.detail(),
                    event.receivedAt(), event.payload());
        }
    }

    @GetMapping("/admin/webhooks/unmatched")
    @Operation(operationId = "listUnmatchedWebhooks", summary = "PSP events that matched no payment order, refund or"
            + " dispute, newest first", description = "Every operator role. They were acknowledged, so the PSP does"
            + " not deliver them again.")
    public List<UnmatchedEvent> list(@Parameter(description = "At most this many, 1 to 500")
                                     @RequestParam(defaultValue = "50") int limit) {
        return unmatched.newestFirst(limit).stream().map(UnmatchedEvent::of).toList();
    }
}
