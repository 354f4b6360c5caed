package dev.kassa.pspmock.idempotency;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes keys older than the retention (at least 24 h), in small batches. */
@Component
class IdempotencyKeyCleanup {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyCleanup.class);

    private final IdempotencyKeyStore store;
    private final IdempotencyProperties properties;
    private final Clock clock;

    IdempotencyKeyCleanup(IdempotencyKeyStore store, IdempotencyProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${psp.idempotency.cleanup-interval:1h}",
            initialDelayString = "${psp.idempotency.cleanup-interval:1h}")
    public int deleteExpiredKeys() {
        var cutoff = clock.instant().minus(properties.retention());
        int total = 0;
        int deleted;
        do {
            deleted = store.deleteCreatedBefore(cutoff, properties.cleanupBatch());
            total += deleted;
        } while (deleted == properties.cleanupBatch());
        if (total > 0) {
            log.info("Deleted {} idempotency keys created before {}", total, cutoff);
        }
        return total;
    }
}
