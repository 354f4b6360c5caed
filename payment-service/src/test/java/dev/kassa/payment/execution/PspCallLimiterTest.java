package dev.kassa.payment.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kassa.payment.PaymentProperties;
import dev.kassa.payment.psp.PspCircuitOpenException;
import dev.kassa.payment.psp.PspRetryableException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The executor's bound on PSP calls in flight and how it adapts to an overloaded PSP: a unit test, no PSP. */
@Tag("fast")
class PspCallLimiterTest {

    private final List<PspCallLimiter> limiters = new ArrayList<>();

    @AfterEach
    void stop() {
        limiters.forEach(PspCallLimiter::destroy);
    }

    @Test
    void neverRunsMoreCallsThanTheLimitAndStartsTheNextWhenOneEnds() throws Exception {
        PspCallLimiter limiter = limiter(4, 4);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        Supplier<String> call = () -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            block(release);
            running.decrementAndGet();
            return "answered";
        };
        List<CompletableFuture<String>> started = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            started.add(limiter.start(call));
        }
        CompletableFuture<CompletableFuture<String>> fifth = CompletableFuture.supplyAsync(() -> startQuietly(limiter, call));

        await().atMost(Duration.ofSeconds(10)).until(() -> running.get() == 4);
        assertThat(fifth).as("a fifth call waits for a free slot").isNotDone();
        release.countDown();

        assertThat(fifth.get().get()).isEqualTo("answered");
        for (CompletableFuture<String> future : started) {
            assertThat(future.get()).isEqualTo("answered");
        }
        assertThat(mostAtOnce.get()).isEqualTo(4);
        assertThat(limiter.inFlight()).isZero();
    }

    @Test
    void anOverloadedPspLowersTheLimitToTheMinimumAndAnsweredCallsRaiseItAgain() throws Exception {
        PspCallLimiter limiter = limiter(8, 100);
        for (int i = 0; i < 40; i++) {
            CompletableFuture<String> failed = limiter.start(() -> {
                throw new PspRetryableException("PSP answered HTTP 503");
            });
            assertThat(failed).failsWithin(Duration.ofSeconds(10));
        }
        assertThat(limiter.limit()).isEqualTo(8);

        // Eight calls at once use the whole limit: each answer that comes while at least half of the limit is in
        // use raises it by one (8 -> 9 -> 10 -> 11; with 5 of 11 left in flight, the rest do not).
        CountDownLatch release = new CountDownLatch(1);
        List<CompletableFuture<String>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(limiter.start(() -> {
                block(release);
                return "answered";
            }));
        }
        release.countDown();
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get();
        assertThat(limiter.limit()).isEqualTo(11);

        // One call at a time does not use the limit, so it does not raise it.
        for (int i = 0; i < 20; i++) {
            limiter.start(() -> "answered").get();
        }
        assertThat(limiter.limit()).isEqualTo(11);
    }

    @Test
    void callsTheOpenCircuitRefusedLeaveTheLimitAlone() throws Exception {
        PspCallLimiter limiter = limiter(8, 100);
        for (int i = 0; i < 20; i++) {
            CompletableFuture<String> refused = limiter.start(() -> {
                throw new PspCircuitOpenException(new IllegalStateException("open"));
            });
            assertThat(refused).failsWithin(Duration.ofSeconds(10));
        }
        assertThat(limiter.limit()).isEqualTo(100);
        assertThat(limiter.inFlight()).isZero();
    }

    private PspCallLimiter limiter(int min, int max) {
        PaymentProperties properties = new PaymentProperties(99_999_999, Map.of(),
                new PaymentProperties.Executor(3, max, min, Duration.ZERO),
                new PaymentProperties.Janitor(false, Duration.ofMinutes(2), Duration.ofSeconds(30), 100));
        PspCallLimiter limiter = new PspCallLimiter(properties, new SimpleMeterRegistry());
        limiters.add(limiter);
        return limiter;
    }

    private static <T> CompletableFuture<T> startQuietly(PspCallLimiter limiter, Supplier<T> call) {
        try {
            return limiter.start(call);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void block(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
