package dev.kassa.ledger.posting;

import dev.kassa.ledger.journal.EntryKind;
import dev.kassa.messaging.consumer.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The ledger's counters, moved only when the posting's transaction commits: a consumer batch that rolls
 * back is applied again one event at a time, and counting both attempts would count its events twice.
 */
@Component
class PostingMetrics {

    private final Map<EntryKind, Counter> posted;
    private final Map<EntryKind, Counter> alreadyPosted;
    private final MeterRegistry meters;

    PostingMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.posted = counters(meters, "posted");
        this.alreadyPosted = counters(meters, "already_posted");
    }

    void posted(EntryKind kind, int entries) {
        afterCommit(posted.get(kind), entries);
    }

    void alreadyPosted(EntryKind kind) {
        afterCommit(alreadyPosted.get(kind), 1);
    }

    /** A failed payment or refund: no money moved, nothing to post. */
    void ignored(String type) {
        afterCommit(meters.counter("kassa.ledger.results.ignored", "type", type), 1);
    }

    private static void afterCommit(Counter counter, int amount) {
        if (amount > 0) {
            AfterCommit.run(() -> counter.increment(amount));
        }
    }

    private static Map<EntryKind, Counter> counters(MeterRegistry meters, String outcome) {
        Map<EntryKind, Counter> counters = new EnumMap<>(EntryKind.class);
        for (EntryKind kind : EntryKind.values()) {
            counters.put(kind, counter(meters, kind, outcome));
        }
        return counters;
    }

    private static Counter counter(MeterRegistry meters, EntryKind kind, String outcome) {
        return Counter.builder("kassa.ledger.postings")
                .description("Succeeded payments and refunds and disputes' funds handled by the ledger, by outcome")
                .tag("kind", kind.name().toLowerCase())
                .tag("outcome", outcome)
                .register(meters);
    }
}
