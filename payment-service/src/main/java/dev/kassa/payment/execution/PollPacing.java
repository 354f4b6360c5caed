package dev.kassa.payment.execution;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Starts each executor thread's polls at least {@code kassa.payment.executor.min-wave-interval} apart. A poll taken
 * as soon as the last one is done holds the one or two requests that came meanwhile, and every stage after the
 * executor (its results, the outbox relay, wallet, ledger, reconciliation, the confirmations) then works one payment
 * per batch, each batch a round trip, a commit and a wake-up of its own. Spaced polls gather a wave of the interval's
 * requests, and the stages after it take them in batches of that size: docs/architecture.md §4.1 has what it saves
 * and what it costs. A poll that took the interval or longer (a PSP that answers slowly) is followed at once.
 */
final class PollPacing {

    /** Parks the calling thread for about the given nanoseconds (or until it is interrupted). */
    interface Pause {
        void park(long nanos);
    }

    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final Pause pause;

    PollPacing(Duration interval) {
        this(interval, System::nanoTime, LockSupport::parkNanos);
    }

    PollPacing(Duration interval, LongSupplier nanoTime, Pause pause) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("min-wave-interval cannot be negative: " + interval);
        }
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
        this.pause = pause;
    }

    /** When a poll's handling began, for {@link #awaitNextPoll}. */
    long pollStarted() {
        return nanoTime.getAsLong();
    }

    /**
     * Returns once the interval since {@code started} has passed, or at once when the thread is interrupted (a
     * container stopping): the handled poll is complete either way, and its offsets commit as usual.
     */
    void awaitNextPoll(long started) {
        long due = started + intervalNanos;
        for (long wait = due - nanoTime.getAsLong(); wait > 0 && !Thread.currentThread().isInterrupted();
             wait = due - nanoTime.getAsLong()) {
            pause.park(wait);
        }
    }
}
