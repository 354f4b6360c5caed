package dev.kassa.messaging.outbox;

import dev.kassa.messaging.KassaHeaders;
import dev.kassa.messaging.config.KafkaAccessDenials;
import dev.kassa.messaging.config.MessagingProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.TransactionException;

/**
 * Publishes committed outbox rows to Kafka (docs/architecture.md §4). One relay per database is active, elected by an
 * advisory lock; the others stand by and take over when it goes away. A batch is the oldest unsent rows, marked
 * sent and locked by one statement ({@code FOR UPDATE SKIP LOCKED}), sent asynchronously in {@code seq} order, and
 * its transaction commits only once every send is acknowledged; if any is not, it rolls back, the whole batch stays
 * unsent and is sent again later (at least once). With the idempotent producer, a record of a key is never
 * written after a later record of the same key, so order per key holds. On shutdown, after the web server and the
 * listeners have stopped, it finishes the batch in hand and sends one more.
 *
 * <p>When it runs: at once when this process commits outbox rows ({@link OutboxSignal}); again at once
 * after a full batch, or when rows committed while a batch was in hand (however many commits, one more
 * batch takes them all); otherwise when polling finds rows another instance committed, every
 * {@code busy-poll-interval} right after rows were sent, backing off to {@code poll-interval} while there
 * are none. A standby tries the lock every {@code standby-interval}.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int MAX_CLEANUP_STATEMENTS = 20;

    private final RelaySession session;
    private final KafkaOperations<String, Object> kafka;
    private final MessagingProperties.Outbox settings;
    private final OutboxMetrics metrics;
    private final OutboxSignal signal;
    private final Object pause = new Object();

    private volatile boolean running;
    private final KafkaAccessDenials denials;
    private volatile Thread worker;
    private static final String RELAY = "outbox relay";
    private long nextCleanupNanos = System.nanoTime();

    /**
     * A relay over {@code dataSource}, outside Spring (tools, tests); the auto-configuration builds the
     * service's own. It is started with {@link #start()}. {@code signal} is the one the process's
     * {@link Outbox} raises after its commits; rows committed elsewhere are found by polling.
     */
    public static OutboxRelay create(DataSource dataSource, DedicatedConnectionFactory connections,
                                     KafkaOperations<String, Object> kafka, MessagingProperties.Outbox settings,
                                     MeterRegistry registry, OutboxSignal signal) {
        return create(dataSource, connections, kafka, settings, registry, signal, new KafkaAccessDenials());
    }

    /** As above; a send the broker refuses this principal is reported to {@code denials} (the kafka health). */
    public static OutboxRelay create(DataSource dataSource, DedicatedConnectionFactory connections,
                                     KafkaOperations<String, Object> kafka, MessagingProperties.Outbox settings,
                                     MeterRegistry registry, OutboxSignal signal, KafkaAccessDenials denials) {
        // The backlog gauges read through the pool; the relay's own statements run on its session (RelaySession).
        OutboxMetrics metrics = new OutboxMetrics(registry, new OutboxRepository(dataSource));
        return new OutboxRelay(connections, kafka, settings, metrics, signal, denials);
    }

    /** A relay that nothing signals: it finds every row by polling. */
    public static OutboxRelay create(DataSource dataSource, DedicatedConnectionFactory connections,
                                     KafkaOperations<String, Object> kafka, MessagingProperties.Outbox settings,
                                     MeterRegistry registry) {
        return create(dataSource, connections, kafka, settings, registry, new OutboxSignal());
    }

    OutboxRelay(DedicatedConnectionFactory connections, KafkaOperations<String, Object> kafka,
                MessagingProperties.Outbox settings, OutboxMetrics metrics, OutboxSignal signal,
                KafkaAccessDenials denials) {
        this.denials = denials;
        this.session = new RelaySession(connections, settings.lockKey());
        this.kafka = kafka;
        this.settings = settings;
        this.metrics = metrics;
        this.signal = signal;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("kassa-outbox-relay").daemon(true).start(this::run);
    }

    /** Finishes the batch in hand (up to the shutdown timeout), then gives up the lock. */
    @Override
    public void stop() {
        Thread thread;
        synchronized (this) {
            running = false;
            thread = worker;
        }
        synchronized (pause) {
            pause.notifyAll();
        }
        signal.wakeWaiters();
        if (thread == null) {
            return;
        }
        try {
            thread.join(settings.shutdownTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn("Outbox relay did not finish within {}; its unacknowledged rows stay unsent and go out later",
                    settings.shutdownTimeout());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Stops after the beans that write to the outbox: the web server's graceful shutdown (Boot's phase
     * {@code DEFAULT_PHASE - 1024}), the web server itself ({@code - 2048}) and the listener containers; starts before
     * them.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    public boolean isAutoStartup() {
        return settings.relayEnabled();
    }

    /** Whether this instance currently holds the advisory lock, i.e. is the one that publishes. */
    public boolean isActivePublisher() {
        return running && session.isLeader();
    }

    private void run() {
        Duration backoff = settings.failureBackoff();
        Duration pollWait = busyPollInterval();
        boolean rowsLikely = true;
        while (running) {
            try {
                if (!session.tryLead()) {
                    // Local signals do not matter here: the active relay (another instance) polls for our rows.
                    pause(settings.standbyInterval());
                    continue;
                }
                long seen = signal.count();
                int sent = 0;
                // A timed poll first reads the unsent rows' index alone: idle, that is all the relay does.
                if (rowsLikely || session.repository().hasUnsent()) {
                    sent = relayBatch();
                }
                backoff = settings.failureBackoff();
                rowsLikely = true;
                if (sent > 0) {
                    pollWait = busyPollInterval();
                    denials.clear(RELAY);
                }
                if (sent >= settings.batchSize()) {
                    continue; // a full batch: more rows are probably waiting
                }
                if (signal.count() != seen) {
                    // Rows committed while this batch was in hand: one more batch takes all of them.
                    if (sent > 0) {
                        linger();
                    }
                    continue;
                }
                deleteSentRowsIfDue();
                boolean signalled = signal.await(seen, pollWait, () -> running);
                rowsLikely = signalled;
                if (!signalled && sent == 0) {
                    pollWait = longer(pollWait);
                }
            } catch (SQLException | DataAccessException | TransactionException e) {
                // Its session's statements failed: it may have lost the session, and the lock with it.
                log.warn("Outbox relay lost its database session; it gives up the lock and retries in {}", backoff, e);
                session.close();
                backoff = pauseAfterFailure(backoff);
            } catch (BatchNotAcknowledgedException e) {
                if (denials.recordIfDenied(RELAY, e)) {
                    log.error("Outbox relay: the broker refuses this service's Kafka principal ({}); its rows stay"
                            + " unsent and are retried in {}", e.getMessage(), backoff);
                } else {
                    log.warn("Outbox relay batch failed; its rows stay unsent and are retried in {}: {}", backoff,
                            e.getMessage());
                }
                backoff = pauseAfterFailure(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } catch (RuntimeException e) {
                log.warn("Outbox relay batch failed; its rows stay unsent and are retried in {}", backoff, e);
                backoff = pauseAfterFailure(backoff);
            }
        }
        if (session.isLeader() && !Thread.currentThread().isInterrupted()) {
            sendWhatTheLastWorkLeft();
        }
        session.close();
        log.info("Outbox relay stopped");
    }

    /**
     * On shutdown, one more batch: the relay stops after the web server and the listener containers ({@link #getPhase()}),
     * so this sends what their last requests and batches committed instead of leaving it to the next active relay.
     */
    private void sendWhatTheLastWorkLeft() {
        try {
            // Still the leader, and the database still there: a statement on a session whose server went away could
            // wait for the network to say so and hold up the shutdown, as when a test JVM's PostgreSQL stops beside it.
            session.checkAlive();
        } catch (SQLException e) {
            log.info("Outbox relay: no last batch at shutdown, its session is gone ({}); the next active relay sends"
                    + " what is left", e.getMessage());
            return;
        }
        try {
            relayBatch();
        } catch (RuntimeException e) {
            log.info("Outbox relay: the last batch at shutdown was not sent; the next active relay sends it ({})",
                    e.getMessage());
        }
    }

    private Duration busyPollInterval() {
        return min(settings.busyPollInterval(), settings.pollInterval());
    }

    /** After an empty poll: twice the wait, up to {@code poll-interval}. */
    private Duration longer(Duration pollWait) {
        return min(pollWait.multipliedBy(2), settings.pollInterval());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * Busy, but batches come out small: a moment's wait lets the commits in flight land in the next batch,
     * which saves relay transactions and producer requests. Never before the first batch after a quiet spell.
     */
    private void linger() {
        if (!settings.linger().isZero()) {
            pause(settings.linger());
        }
    }

    private int relayBatch() {
        Integer sent = session.transactions().execute(status -> {
            // Marked sent (or deleted) by this transaction, which commits only once every send is acknowledged.
            boolean keepNone = settings.sentRetention().isZero();
            List<OutboxMessage> batch = session.repository().takeNextBatch(settings.batchSize(), keepNone);
            if (batch.isEmpty()) {
                return 0;
            }
            sendAll(batch);
            return batch.size();
        });
        int count = sent == null ? 0 : sent;
        metrics.recordSent(count);
        return count;
    }

    private void sendAll(List<OutboxMessage> batch) {
        List<CompletableFuture<?>> acks = new ArrayList<>(batch.size());
        try {
            for (OutboxMessage message : batch) {
                acks.add(kafka.send(toRecord(message)));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notAcknowledged(batch, acks, e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw notAcknowledged(batch, acks, e);
        }
    }

    private BatchNotAcknowledgedException notAcknowledged(List<OutboxMessage> batch, List<CompletableFuture<?>> acks,
                                                          Exception cause) {
        long acknowledged = acks.stream().filter(a -> a.isDone() && !a.isCompletedExceptionally()).count();
        int failed = (int) (batch.size() - acknowledged);
        metrics.recordSendFailures(failed);
        Throwable reason = cause instanceof ExecutionException ? cause.getCause() : cause;
        return new BatchNotAcknowledgedException(failed + " of " + batch.size() + " records not acknowledged"
                + " (first seq " + batch.getFirst().seq() + "): " + reason, reason);
    }

    private static ProducerRecord<String, Object> toRecord(OutboxMessage message) {
        ProducerRecord<String, Object> record =
                new ProducerRecord<>(message.topic(), null, message.key(), message.payload());
        message.headers().forEach((name, value) ->
                record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        record.headers().add(new RecordHeader(KassaHeaders.EVENT_ID,
                message.id().toString().getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader(KassaHeaders.EVENT_TYPE,
                message.eventType().getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private void deleteSentRowsIfDue() {
        if (settings.sentRetention().isZero() || System.nanoTime() - nextCleanupNanos < 0) {
            return;
        }
        nextCleanupNanos = System.nanoTime() + settings.cleanupInterval().toNanos();
        int deleted = 0;
        for (int i = 0; i < MAX_CLEANUP_STATEMENTS && running; i++) {
            int n = session.repository().deleteSent(settings.sentRetention(), settings.cleanupBatchSize());
            deleted += n;
            if (n < settings.cleanupBatchSize()) {
                break;
            }
        }
        if (deleted > 0) {
            log.debug("Deleted {} sent outbox rows older than {}", deleted, settings.sentRetention());
        }
    }

    private Duration pauseAfterFailure(Duration backoff) {
        pause(backoff);
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(settings.maxFailureBackoff()) > 0 ? settings.maxFailureBackoff() : doubled;
    }

    private void pause(Duration duration) {
        synchronized (pause) {
            if (!running) {
                return;
            }
            try {
                pause.wait(Math.max(1, duration.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    /** Not every record of a batch was acknowledged in time; the batch is rolled back and retried whole. */
    static final class BatchNotAcknowledgedException extends RuntimeException {
        BatchNotAcknowledgedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
