package dev.kassa.pspmock.work;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells a background worker (an outcome resolver, the webhook dispatcher) when work becomes due, so that it sleeps
 * until then instead of polling the database. Whoever creates the work in this process calls
 * {@link #dueAfterCommit}; work created elsewhere (another instance) is found by the worker's safety poll.
 *
 * <p>The worker calls {@link #takeDue()} before it looks for due work and {@link #sleepUntil(Instant)} after: a due
 * time told in between, or one still in the future, ends the sleep when it comes, so nothing committed after the
 * look is missed and nothing announced for later is forgotten.
 */
public final class WakeUp {

    private final Clock clock;
    /** Due times told and not yet taken, earliest first. Guarded by this. */
    private final PriorityQueue<Instant> pending = new PriorityQueue<>();

    public WakeUp(Clock clock) {
        this.clock = clock;
    }

    /** Work becomes due at {@code when} (now or later). */
    public synchronized void dueAt(Instant when) {
        Instant earliest = pending.peek();
        pending.add(when);
        if (earliest == null || when.isBefore(earliest)) {
            notifyAll();
        }
    }

    /**
     * {@link #dueAt} once the current transaction commits (at once without one): woken earlier, the worker would
     * not see the row yet and would sleep past it.
     */
    public void dueAfterCommit(Instant when) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            dueAt(when);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                dueAt(when);
            }
        });
    }

    /** The worker is about to look for due work: it will find what is due by now, so that is forgotten. */
    public synchronized void takeDue() {
        Instant now = clock.instant();
        while (!pending.isEmpty() && !pending.peek().isAfter(now)) {
            pending.poll();
        }
    }

    /** Sleeps until {@code until}, or until the earliest due time told if that is sooner. */
    public synchronized void sleepUntil(Instant until) throws InterruptedException {
        while (true) {
            Instant earliest = pending.peek();
            Instant target = earliest != null && earliest.isBefore(until) ? earliest : until;
            long nanos = Duration.between(clock.instant(), target).toNanos();
            if (nanos <= 0) {
                return;
            }
            // Rounded up: waking a little early would only mean looking again for nothing.
            wait(Math.max(1, (nanos + 999_999) / 1_000_000));
        }
    }
}
