package dev.kassa.payment.webhook;

import java.util.List;
import org.springframework.stereotype.Service;

/** What operators read about verified PSP events that matched no payment order or refund of ours. */
@Service
class UnmatchedWebhooks {

    private static final int MAX_LIMIT = 500;

    private final WebhookEvents events;

    UnmatchedWebhooks(WebhookEvents events) {
        this.events = events;
    }

    /** The newest {@code limit} of them (1 to 500), newest first. */
    List<WebhookEvent> newestFirst(int limit) {
        return events.findUnmatchedNewestFirst(Math.clamp(limit, 1, MAX_LIMIT));
    }
}
