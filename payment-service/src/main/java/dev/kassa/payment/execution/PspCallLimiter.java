package dev.kassa.payment.execution;

import dev.kassa.payment.PaymentProperties;
import dev.kassa.payment.psp.PspCircuitOpenException;
import dev.kassa.payment.psp.PspRetryableException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs PSP calls on virtual threads, at most {@link #limit()} at once across all of the executor's consumer
 * threads: a call mostly waits on the PSP, so what bounds throughput is how many may wait together, not how many
 * partitions or threads there are. A consumer thread that would exceed the limit waits for a call to finish.
 *
 * <p>The limit adapts to what the PSP takes (additive increase, multiplicative decrease, as TCP's congestion
 * window): a call that met an overloaded or unreachable PSP (timeout, 5xx, 429) lowers it by a tenth, down to
 * {@code kassa.payment.executor.min-in-flight}; a call the PSP answered raises it by one while at least half of
 * it is in use, up to {@code max-in-flight}. Without it, a burst of hundreds of calls at a PSP that serves fewer
 * turns into timeouts, the circuit breaker opens, and every payment of the burst goes round the retry topics.
 * A call the open circuit refused never reached the PSP and leaves the limit alone.
 */
@Component
class PspCallLimiter implements DisposableBean {

    static final String IN_FLIGHT_METRIC = "kassa.payment.psp.in.flight";
    static final String LIMIT_METRIC = "kassa.payment.psp.in.flight.limit";
    private static final double DECREASE = 0.9;

    private final int minInFlight;
    private final int maxInFlight;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition slotFree = lock.newCondition();
    /** Both guarded by {@link #lock}. */
    private int inFlight;
    private double limit;
    private final ExecutorService threads =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("psp-call-", 0).factory());

    PspCallLimiter(PaymentProperties properties, MeterRegistry meters) {
        this.minInFlight = properties.executor().minInFlight();
        this.maxInFlight = properties.executor().maxInFlight();
        this.limit = maxInFlight;
        Gauge.builder(IN_FLIGHT_METRIC, this, PspCallLimiter::inFlight)
                .description("PSP calls of the executor in flight").register(meters);
        Gauge.builder(LIMIT_METRIC, this, PspCallLimiter::limit)
                .description("How many PSP calls the executor lets in flight now (adapts to the PSP's load)")
                .register(meters);
    }

    /** Starts {@code call} on a virtual thread once fewer than the limit are in flight. */
    <T> CompletableFuture<T> start(Supplier<T> call) throws InterruptedException {
        acquire();
        try {
            return CompletableFuture.supplyAsync(() -> {
                boolean overloaded = false;
                try {
                    return call.get();
                } catch (RuntimeException e) {
                    overloaded = e instanceof PspRetryableException && !(e instanceof PspCircuitOpenException);
                    throw e;
                } finally {
                    release(overloaded ? Outcome.OVERLOADED : Outcome.ANSWERED);
                }
            }, threads);
        } catch (RejectedExecutionException e) {
            release(Outcome.NOT_CALLED);
            throw e;
        }
    }

    private enum Outcome { ANSWERED, OVERLOADED, NOT_CALLED }

    private void acquire() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (inFlight >= (int) limit) {
                slotFree.await();
            }
            inFlight++;
        } finally {
            lock.unlock();
        }
    }

    private void release(Outcome outcome) {
        lock.lock();
        try {
            boolean busy = inFlight * 2 >= limit;
            inFlight--;
            switch (outcome) {
                case OVERLOADED -> limit = Math.max(minInFlight, limit * DECREASE);
                case ANSWERED -> {
                    if (busy) {
                        limit = Math.min(maxInFlight, limit + 1);
                    }
                }
                case NOT_CALLED -> { }
            }
            slotFree.signalAll();
        } finally {
            lock.unlock();
        }
    }

    int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }

    int limit() {
        lock.lock();
        try {
            return (int) limit;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void destroy() {
        threads.shutdownNow();
    }
}
