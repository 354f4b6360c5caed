package dev.kassa.messaging.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outbox meters. The backlog gauges read the database (through the partial index of unsent rows) at most
 * once a second, however often they are scraped.
 */
public class OutboxMetrics {

    public static final String SENT = "kassa.outbox.sent";
    public static final String SEND_FAILURES = "kassa.outbox.send.failures";
    public static final String UNSENT = "kassa.outbox.unsent";
    public static final String OLDEST_UNSENT_AGE = "kassa.outbox.oldest.unsent.age";

    private static final Logger log = LoggerFactory.getLogger(OutboxMetrics.class);
    private static final long REFRESH_NANOS = 1_000_000_000L;

    private final Counter sent;
    private final Counter sendFailures;
    private final Supplier<OutboxRepository.Backlog> backlogSource;
    private OutboxRepository.Backlog backlog = new OutboxRepository.Backlog(0, Duration.ZERO);
    private long backlogReadAt = Long.MIN_VALUE;

    OutboxMetrics(MeterRegistry registry, OutboxRepository repository) {
        this.backlogSource = repository::backlog;
        this.sent = Counter.builder(SENT).description("Outbox records sent to Kafka and acknowledged")
                .baseUnit("records").register(registry);
        this.sendFailures = Counter.builder(SEND_FAILURES)
                .description("Outbox records whose send failed or was not acknowledged in time (retried later)")
                .baseUnit("records").register(registry);
        Gauge.builder(UNSENT, this, m -> m.backlog().unsent())
                .description("Outbox rows waiting to be sent").baseUnit("rows").register(registry);
        TimeGauge.builder(OLDEST_UNSENT_AGE, this, TimeUnit.MILLISECONDS, m -> m.backlog().oldestAge().toMillis())
                .description("Age of the oldest outbox row waiting to be sent (0 when none waits)").register(registry);
    }

    void recordSent(int records) {
        sent.increment(records);
    }

    void recordSendFailures(int records) {
        sendFailures.increment(records);
    }

    private synchronized OutboxRepository.Backlog backlog() {
        long now = System.nanoTime();
        if (backlogReadAt == Long.MIN_VALUE || now - backlogReadAt > REFRESH_NANOS) {
            try {
                backlog = backlogSource.get();
            } catch (RuntimeException e) {
                log.debug("Could not read the outbox backlog; keeping the last figures", e);
            }
            backlogReadAt = now;
        }
        return backlog;
    }
}
