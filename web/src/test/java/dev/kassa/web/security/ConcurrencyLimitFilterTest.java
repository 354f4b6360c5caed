package dev.kassa.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Admission control: requests beyond the limit wait their turn, then get 503; health is never held back. */
@Tag("fast")
class ConcurrencyLimitFilterTest {

    private final AtomicInteger refusals = new AtomicInteger();
    private final RefusalWriter writer = (request, response, refusal, detail) -> {
        assertThat(refusal).isEqualTo(Refusal.OVERLOADED);
        refusals.incrementAndGet();
    };

    @Test
    void aRequestBeyondTheLimitWaitsItsLongestThenGets503WithRetryAfter() throws Exception {
        ConcurrencyLimitFilter filter = filter(1, Duration.ofMillis(50));
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<MockHttpServletResponse> first = holdThePermit(filter, release);

        MockHttpServletResponse second = run(filter, "/api/v1/payments", (request, response) -> { });

        assertThat(second.getStatus()).isEqualTo(503);
        assertThat(second.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(refusals).hasValue(1);
        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        // The permit is back: the next request is admitted.
        assertThat(run(filter, "/api/v1/payments", (request, response) -> { }).getStatus()).isEqualTo(200);
    }

    @Test
    void aWaitingRequestIsAdmittedWhenAPermitComesFree() throws Exception {
        ConcurrencyLimitFilter filter = filter(1, Duration.ofSeconds(10));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger handled = new AtomicInteger();
        CompletableFuture<MockHttpServletResponse> first = CompletableFuture.supplyAsync(() ->
                run(filter, "/api/v1/payments", (request, response) -> {
                    inside.countDown();
                    awaitLatch(release);
                    handled.incrementAndGet();
                }));
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<MockHttpServletResponse> second = CompletableFuture.supplyAsync(() ->
                run(filter, "/api/v1/payments", (request, response) -> handled.incrementAndGet()));

        // The second waits for the first, not for its deadline.
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> !second.isDone());
        release.countDown();

        assertThat(second.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(first.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(handled).hasValue(2);
        assertThat(refusals).hasValue(0);
    }

    @Test
    void healthIsAnsweredEvenWhenEveryPermitIsTaken() throws Exception {
        ConcurrencyLimitFilter filter = filter(1, Duration.ZERO);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<MockHttpServletResponse> first = holdThePermit(filter, release);

        assertThat(run(filter, "/actuator/health", (request, response) -> { }).getStatus()).isEqualTo(200);
        assertThat(run(filter, "/api/v1/payments", (request, response) -> { }).getStatus()).isEqualTo(503);
        release.countDown();
        first.get(5, TimeUnit.SECONDS);
    }

    /** A request that is admitted and stays inside until {@code release}; returns once it is inside. */
    private static CompletableFuture<MockHttpServletResponse> holdThePermit(ConcurrencyLimitFilter filter,
                                                                            CountDownLatch release)
            throws InterruptedException {
        CountDownLatch inside = new CountDownLatch(1);
        CompletableFuture<MockHttpServletResponse> held = CompletableFuture.supplyAsync(() ->
                run(filter, "/api/v1/payments", (request, response) -> {
                    inside.countDown();
                    awaitLatch(release);
                }));
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
        return held;
    }

    private ConcurrencyLimitFilter filter(int maxRequests, Duration maxWait) {
        return new ConcurrencyLimitFilter(new KassaSecurityProperties.Concurrency(true, maxRequests, maxWait), writer);
    }

    private static MockHttpServletResponse run(ConcurrencyLimitFilter filter, String path, FilterChain chain) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        try {
            filter.doFilter(request, response, chain);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return response;
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
