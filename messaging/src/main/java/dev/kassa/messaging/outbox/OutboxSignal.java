package dev.kassa.messaging.outbox;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Tells this process's {@link OutboxRelay} that outbox rows have just committed, so that it sends them at
 * once instead of at its next poll. {@link Outbox} raises it after every commit that wrote rows; it is a
 * counter, not a flag, so that no signal raised while the relay is busy gets lost, and any number of them
 * coalesce into one more round of the relay.
 *
 * <p>It replaces PostgreSQL's {@code NOTIFY}: a transaction that notified takes a lock at commit that is
 * global to the whole server, so every outbox commit of every database on it committed one at a time. An
 * in-process signal costs nothing at commit; rows committed by another instance of the service reach the
 * relay through its polling instead.
 */
public final class OutboxSignal {

    private final Object monitor = new Object();
    private long raised; // guarded by monitor

    /** Rows committed: wakes a relay waiting for them. Called after commit; cheap, never blocks for long. */
    public void raise() {
        synchronized (monitor) {
            raised++;
            monitor.notifyAll();
        }
    }

    /** How often the signal was raised so far: what a relay remembers before it reads a batch. */
    long count() {
        synchronized (monitor) {
            return raised;
        }
    }

    /**
     * Waits until the signal is raised after {@code seen} (a {@link #count()} read earlier), {@code timeout}
     * passes, or {@code keepWaiting} turns false (checked whenever the waiter is woken, see {@link #wakeWaiters()}).
     *
     * @return whether the signal was raised since {@code seen}
     */
    boolean await(long seen, Duration timeout, BooleanSupplier keepWaiting) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (raised == seen && keepWaiting.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(monitor, left);
            }
            return raised != seen;
        }
    }

    /** Wakes every waiter without raising the signal, so that it looks at its {@code keepWaiting} (shutdown). */
    void wakeWaiters() {
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }
}
