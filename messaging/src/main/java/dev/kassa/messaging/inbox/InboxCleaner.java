package dev.kassa.messaging.inbox;

import dev.kassa.messaging.config.MessagingProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deletes {@code processed_message} rows older than {@code kassa.messaging.inbox.retention}, a small batch per
 * statement, so that the inbox of a busy consumer does not grow forever. Every instance may run it: two
 * cleaners skip each other's rows.
 */
public class InboxCleaner implements SmartLifecycle {

    public static final String DELETED = "kassa.inbox.expired.deleted";

    private static final Logger log = LoggerFactory.getLogger(InboxCleaner.class);
    /** Statements per run at most, so one run stays short even after a long pause. */
    private static final int MAX_STATEMENTS = 100;

    private final JdbcTemplate jdbc;
    private final MessagingProperties.Inbox settings;
    private final Counter deleted;
    private ScheduledExecutorService scheduler;

    public InboxCleaner(DataSource dataSource, MessagingProperties.Inbox settings, MeterRegistry meters) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.settings = settings;
        this.deleted = Counter.builder(DELETED).description("Inbox rows deleted after their retention")
                .register(meters);
    }

    /** One run: deletes expired rows until none is left or the run's statements are used up. */
    public int deleteExpired() {
        int total = 0;
        for (int i = 0; i < MAX_STATEMENTS; i++) {
            int n = jdbc.update("""
                    DELETE FROM processed_message WHERE ctid = ANY(ARRAY(
                        SELECT ctid FROM processed_message
                        WHERE processed_at < now() - make_interval(secs => ?)
                        LIMIT ? FOR UPDATE SKIP LOCKED))""",
                    settings.retention().toMillis() / 1000.0, settings.cleanupBatchSize());
            total += n;
            if (n < settings.cleanupBatchSize()) {
                break;
            }
        }
        deleted.increment(total);
        if (total > 0) {
            log.debug("Deleted {} inbox rows older than {}", total, settings.retention());
        }
        return total;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("kassa-inbox-cleaner")
                .daemon().factory());
        long interval = settings.cleanupInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::runQuietly, interval, interval, TimeUnit.MILLISECONDS);
    }

    private void runQuietly() {
        try {
            deleteExpired();
        } catch (RuntimeException e) {
            log.warn("Deleting expired inbox rows failed; trying again in {}: {}", settings.cleanupInterval(),
                    e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
