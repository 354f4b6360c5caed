package dev.kassa.pspmock.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import dev.kassa.pspmock.fault.Faults;
import dev.kassa.pspmock.webhook.DeliveryRepository.Attempts;
import dev.kassa.pspmock.webhook.DeliveryRepository.DueDelivery;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries from the table through a bounded pool, and reschedules failures with exponential
 * backoff until the endpoint answers 2xx. Nothing lives only in memory: a delivery in flight when the process
 * dies is still in the table and becomes due again when its lease runs out.
 */
@Component
class WebhookDeliveryWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliveryWorker.class);
    private static final Comparator<DueDelivery> NEWEST_FIRST =
            Comparator.comparing(DueDelivery::eventCreated).thenComparing(DueDelivery::id).reversed();

    private final DeliveryRepository deliveries;
    private final WebhookSender sender;
    private final Faults faults;
    private final BackoffPolicy backoff;
    private final Duration lease;
    private final Duration pollInterval;
    private final Clock clock;
    private final Semaphore freeSlots;
    private final int claimBatch;
    private final ExecutorService pool;
    private final Counter delivered;
    private final Counter failed;
    private volatile boolean stopping;

    WebhookDeliveryWorker(DeliveryRepository deliveries, WebhookSender sender, Faults faults,
                          WebhookProperties properties, Clock clock, MeterRegistry meters) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.faults = faults;
        this.backoff = new BackoffPolicy(properties.initialBackoff(), properties.backoffMultiplier(), properties.maxBackoff());
        this.lease = properties.lease();
        this.pollInterval = properties.pollInterval();
        this.clock = clock;
        this.freeSlots = new Semaphore(properties.maxConcurrency());
        this.claimBatch = Math.max(1, properties.maxConcurrency() / 2);
        this.pool = Executors.newFixedThreadPool(properties.maxConcurrency(),
                Thread.ofPlatform().name("webhook-delivery-", 0).daemon().factory());
        this.delivered = Counter.builder("psp.webhook.attempts").tag("result", "delivered").register(meters);
        this.failed = Counter.builder("psp.webhook.attempts").tag("result", "failed").register(meters);
    }

    /**
     * Claims what is due while there is more than the free slots can take, waiting for slots in between, so a
     * backlog drains at the pool's pace rather than one batch per poll. It waits for half the slots rather than
     * one, so that one claim statement serves several deliveries.
     */
    @Scheduled(fixedDelayString = "${psp.webhooks.poll-interval:250ms}")
    void deliverDue() throws InterruptedException {
        while (!stopping) {
            if (!freeSlots.tryAcquire(claimBatch, pollInterval.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
            freeSlots.release(claimBatch);
            int free = freeSlots.availablePermits();
            if (claimAndSubmit(free) < free) {
                return;
            }
        }
    }

    /** @return how many deliveries were claimed */
    private int claimAndSubmit(int free) {
        Instant now = clock.instant();
        Instant leaseUntil = now.plus(lease);
        if (!faults.webhookReorder()) {
            return deliverEach(deliveries.claimDue(Attempts.ANY, now, free, leaseUntil));
        }
        int retries = deliverEach(deliveries.claimDue(Attempts.RETRIES, now, free, leaseUntil));
        int stillFree = free - retries;
        // Once the oldest held first attempt is due, every held first attempt is released at once, newest first
        // and one by one, so that receivers really see later events before earlier ones.
        if (stillFree > 0 && deliveries.anyDue(Attempts.FIRST, now)) {
            List<DueDelivery> held = deliveries.claimDue(Attempts.FIRST, now.plus(faults.webhookDelay()), stillFree,
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

    /** Only the (single-threaded, scheduled) poll takes slots, and it claims no more than are free. */
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
        WebhookSender.Attempt attempt;
        try {
            attempt = faults.webhookOutage()
                    ? new WebhookSender.Attempt(null, "endpoint unreachable (injected outage)")
                    : sender.send(delivery.endpoint(), delivery.payload());
        } catch (InterruptedException shutdown) {
            Thread.currentThread().interrupt();
            return; // not recorded: the lease runs out and the next worker delivers it
        }
        Instant at = clock.instant();
        if (attempt.succeeded()) {
            deliveries.markDelivered(delivery.id(), at, attempt.statusCode());
            delivered.increment();
            if (faults.duplicateWebhook()) {
                sendDuplicate(delivery);
            }
        } else {
            Instant next = at.plus(backoff.after(delivery.attempts() + 1));
            deliveries.markFailed(delivery.id(), at, attempt.statusCode(), attempt.error(), next);
            failed.increment();
            log.debug("Webhook {} to {} failed ({}); next attempt at {}",
                    delivery.eventId(), delivery.endpoint(), attempt.error(), next);
        }
    }

    private void sendDuplicate(DueDelivery delivery) {
        try {
            sender.send(delivery.endpoint(), delivery.payload());
        } catch (InterruptedException shutdown) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        pool.shutdownNow();
        if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
            log.warn("Webhook deliveries still running at shutdown; their leases will expire and they will be retried");
        }
    }
}
