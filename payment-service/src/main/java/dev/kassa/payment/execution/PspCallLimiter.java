package dev.kassa.payment.execution;

import dev.kassa.payment.PaymentProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs PSP calls on virtual threads, at most {@code kassa.payment.executor.max-in-flight} at once across all of
 * the executor's consumer threads: a call mostly waits on the PSP, so what bounds throughput is how many may
 * wait together, not how many partitions or threads there are. A consumer thread that would exceed the bound
 * waits for a call to finish.
 */
@Component
class PspCallLimiter implements DisposableBean {

    static final String IN_FLIGHT_METRIC = "kassa.payment.psp.in.flight";

    private final int maxInFlight;
    private final Semaphore permits;
    private final ExecutorService threads =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("psp-call-", 0).factory());

    PspCallLimiter(PaymentProperties properties, MeterRegistry meters) {
        this.maxInFlight = properties.executor().maxInFlight();
        this.permits = new Semaphore(maxInFlight);
        Gauge.builder(IN_FLIGHT_METRIC, this, limiter -> limiter.inFlight())
                .description("PSP calls of the executor in flight").register(meters);
    }

    /** Starts {@code call} on a virtual thread once fewer than the maximum are in flight. */
    <T> CompletableFuture<T> start(Supplier<T> call) throws InterruptedException {
        permits.acquire();
        try {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return call.get();
                } finally {
                    permits.release();
                }
            }, threads);
        } catch (RejectedExecutionException e) {
            permits.release();
            throw e;
        }
    }

    int inFlight() {
        return maxInFlight - permits.availablePermits();
    }

    @Override
    public void destroy() {
        threads.shutdownNow();
    }
}
