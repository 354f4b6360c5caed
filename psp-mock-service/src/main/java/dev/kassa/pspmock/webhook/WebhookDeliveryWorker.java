package dev.kassa.pspmock.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import dev.kassa.pspmock.fault.Faults;
import dev.kassa.pspmock.webhook.DeliveryRepository.Attempts;
import dev.kassa.pspmock.webhook.DeliveryRepository.DueDelivery;
import dev.kassa.pspmock.webhook.DeliveryRepository.Outcome;
import dev.kassa.pspmock.work.WakeUp;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries from the table through a bounded pool, and reschedules failures with exponential
 * backoff until the endpoint answers 2xx. Nothing lives only in memory: a delivery in flight when the process
 * dies is still in the table and becomes due again when its lease runs out.
 *
 * <p>The dispatcher thread sleeps while nothing is due: new events ({@link #dueAfterCommit}) and failed attempts
 * (their next attempt) wake it when they become due, and {@code psp.webhooks.poll-interval} is only a safety poll
 * for deliveries no one in this process told it about (another instance's, a lease that ran out after a crash).
 * While webhooks keep coming it claims at most every {@code psp.webhooks.claim-interval}, so that one claim and
 * one outcome update serve several deliveries rather than one each.
 */
@Component
class WebhookDeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliveryWorker.class);
    /** While every slot stays busy, how often finished outcomes are recorded anyway. */
    private static final Duration SLOTS_WAIT = Duration.ofMillis(250);
    private static final Comparator<DueDelivery> NEWEST_FIRST =
            Comparator.comparing(DueDelivery::eventCreated).thenComparing(DueDelivery::id).reversed();

    private final DeliveryRepository deliveries;
    private final WebhookSender sender;
    private final Faults faults;
    private final BackoffPolicy backoff;
    private final Duration lease;
    private final Duration pollInterval;
    private final Duration claimInterval;
    private final Clock clock;
    private final WakeUp wakeUp;
    private final Semaphore freeSlots;
    /** Attempts finished by the pool, recorded in batches by the dispatcher. */
    private final Queue<Outcome> finished = new ConcurrentLinkedQueue<>();
    private final int claimBatch;
    private final ExecutorService pool;
    private final Counter delivered;
    private final Counter failed;
    private volatile boolean running;
    private Thread dispatcher;

    WebhookDeliveryWorker(DeliveryRepository deliveries, WebhookSender sender, Faults faults,
                          WebhookProperties properties, Clock clock, MeterRegistry meters) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.faults = faults;
        this.backoff = new BackoffPolicy(properties.initialBackoff(), properties.backoffMultiplier(), properties.maxBackoff());
        this.lease = properties.lease();
        this.pollInterval = properties.pollInterval();
        this.claimInterval = properties.claimInterval();
        this.clock = clock;
        this.wakeUp = new WakeUp(clock);
        this.freeSlots = new Semaphore(properties.maxConcurrency());
        this.claimBatch = Math.max(1, properties.maxConcurrency() / 2);
        this.pool = Executors.newFixedThreadPool(properties.maxConcurrency(),
                Thread.ofPlatform().name("webhook-delivery-", 0).daemon().factory());
        this.delivered = Counter.builder("psp.webhook.attempts").tag("result", "delivered").register(meters);
        this.failed = Counter.builder("psp.webhook.attempts").tag("result", "failed").register(meters);
    }

    /** A delivery becomes due at {@code firstAttempt} once the caller's transaction commits. */
    void dueAfterCommit(Instant firstAttempt) {
        wakeUp.dueAfterCommit(firstAttempt);
    }

    @Override
    public void start() {
        running = true;
        dispatcher = Thread.ofPlatform().name("webhook-dispatcher").daemon().start(this::dispatchLoop);
    }

    @Override
    public void stop() {
        running = false;
        dispatcher.interrupt();
        sender.abortAll(); // attempts in flight fail at once and, as running is false, are not recorded
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("Webhook deliveries still running at shutdown; their leases will expire and they will be retried");
            }
            dispatcher.join(pollInterval.toMillis() * 2);
            recordFinished(); // what did finish is kept, or it would be sent again after the restart
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Could not record the last webhook outcomes; those deliveries will be sent again", e);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Its own thread rather than a {@code @Scheduled} method: draining a backlog keeps it busy for long, and it
     * must not hold up the scheduler's other tasks (the resolvers, the key cleanup). It alone talks to the
     * database (a claim and a batch of outcomes per round), so deliveries do not queue for connections behind
     * API requests.
     */
    private void dispatchLoop() {
        while (running) {
            try {
                Instant round = clock.instant();
                wakeUp.takeDue(); // what is due now, this round claims; what is due later wakes the sleep below
                recordFinished();
                if (dispatchDue()) {
                    continue; // the claim was full: more may be due at once
                }
                wakeUp.sleepUntil(round.plus(pollInterval));
                sleepUntil(round.plus(claimInterval));
            } catch (InterruptedException stopped) {
                return;
            } catch (RuntimeException e) {
                log.warn("Could not dispatch webhook deliveries; trying again shortly", e);
                try {
                    Thread.sleep(pollInterval);
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        }
    }

    /** Lets deliveries that become due meanwhile gather, so that the next claim takes them together. */
    private void sleepUntil(Instant until) throws InterruptedException {
        long millis = Duration.between(clock.instant(), until).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    /**
     * Waits (up to {@link #SLOTS_WAIT}, recording outcomes meanwhile) until half the slots are free, so one claim
     * statement serves several deliveries, and claims as many deliveries as slots are free.
     *
     * @return whether the claim came back full, so more may be due at once
     */
    private boolean dispatchDue() throws InterruptedException {
        if (!freeSlots.tryAcquire(claimBatch, SLOTS_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            return true; // all busy: record what finished, then wait again
        }
        freeSlots.release(claimBatch);
        recordFinished();
        int free = freeSlots.availablePermits();
        return claimAndSubmit(free) == free;
    }

    private void recordFinished() {
        List<Outcome> batch = new ArrayList<>();
        for (Outcome outcome = finished.poll(); outcome != null; outcome = finished.poll()) {
            batch.add(outcome);
        }
        if (!batch.isEmpty()) {
            deliveries.record(batch);
        }
    }

    /** @return how many deliveries were claimed */
    private int claimAndSubmit(int free) {
        Instant now = clock.instant();
        Instant leaseUntil = now.plus(lease);
        if (!faults.webhookReorder()) {
            return deliverEach(deliveries.claimDue(Attempts.ANY, now, now, free, leaseUntil));
        }
        int retries = deliverEach(deliveries.claimDue(Attempts.RETRIES, now, now, free, leaseUntil));
        int stillFree = free - retries;
        // Once the oldest held first attempt is due, every held first attempt is released at once, newest first
        // and one by one, so that receivers really see later events before earlier ones.
        if (stillFree > 0 && deliveries.anyDue(Attempts.FIRST, now)) {
            List<DueDelivery> held = deliveries.claimDue(Attempts.FIRST, now, now.plus(faults.webhookDelay()), stillFree,
                    leaseUntil).stream().sorted(NEWEST_FIRST).toList();
            if (!held.isEmpty()) {
                submit(held.size(), () -> held.forEach(this::attempt));
            }
            return retries + held.size();
        }
        return retries;
    }

    private int deliverEach(List<DueDelivery> due) {
        for (DueDelivery delivery : due) {
            submit(1, () -> attempt(delivery));
        }
        return due.size();
    }

    /** Only the dispatcher thread takes slots, and it claims no more than are free. */
    private void submit(int slots, Runnable task) {
        freeSlots.acquireUninterruptibly(slots);
        try {
            pool.execute(() -> {
                try {
                    task.run();
                } finally {
                    freeSlots.release(slots);
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            freeSlots.release(slots); // the claimed deliveries become due again when their lease runs out
        }
    }

    private void attempt(DueDelivery delivery) {
        if (Thread.currentThread().isInterrupted()) {
            return;
        }
        WebhookSender.Attempt attempt = faults.webhookOutage()
                ? new WebhookSender.Attempt(null, "endpoint unreachable (injected outage)")
                : sender.send(delivery.endpoint(), delivery.payload());
        if (!running) {
            return; // aborted by shutdown: not recorded, the lease runs out and the next worker delivers it
        }
        Instant at = clock.instant();
        if (attempt.succeeded()) {
            finished.add(new Outcome(delivery.id(), at, attempt.statusCode(), null, null));
            wakeUp.dueAt(at); // to be recorded
            delivered.increment();
            if (faults.duplicateWebhook()) {
                sendDuplicate(delivery);
            }
        } else {
            Instant next = at.plus(backoff.after(delivery.attempts() + 1));
            finished.add(new Outcome(delivery.id(), at, attempt.statusCode(), attempt.error(), next));
            wakeUp.dueAt(at); // to be recorded
            wakeUp.dueAt(next); // its retry
            failed.increment();
            log.debug("Webhook {} to {} failed ({}); next attempt at {}",
                    delivery.eventId(), delivery.endpoint(), attempt.error(), next);
        }
    }

    private void sendDuplicate(DueDelivery delivery) {
        sender.send(delivery.endpoint(), delivery.payload());
    }
}
