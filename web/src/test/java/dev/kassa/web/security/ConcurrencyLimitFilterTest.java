package dev.kassa.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Admission control: requests beyond the limit wait their turn, then get 503; health is never held back. */
@Tag("fast")
class ConcurrencyLimitFilterTest {

    /** Each request on a thread of its own: the common pool may have a single thread, which a held request takes. */
    private static final Executor OWN_THREAD = task -> Thread.ofVirtual().start(task);

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
                }), OWN_THREAD);
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<MockHttpServletResponse> second = CompletableFuture.supplyAsync(() ->
                run(filter, "/api/v1/payments", (request, response) -> handled.incrementAndGet()), OWN_THREAD);

        // The second waits for the first, not for its deadline.
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> !second.isDone());
        release.countDown();

        assertThat(second.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(first.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(handled).hasValue(2);
        assertThat(refusals).hasValue(0);
    }

    @Test
    void aRequestBeyondTheQueueIsRefusedAtOnceWhileThoseInTheQueueStillWait() throws Exception {
        ConcurrencyLimitFilter filter = new ConcurrencyLimitFilter(
                new KassaSecurityProperties.Concurrency(true, 1, Duration.ofSeconds(30), 1, Map.of()), writer);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<MockHttpServletResponse> first = holdThePermit(filter, release);
        AtomicInteger handled = new AtomicInteger();
        CompletableFuture<MockHttpServletResponse> queued = CompletableFuture.supplyAsync(() ->
                run(filter, "/api/v1/payments", (request, response) -> handled.incrementAndGet()), OWN_THREAD);
        await().atMost(Duration.ofSeconds(5)).until(() -> filter.waiting() == 1);

        // The queue's one place is taken: the next is refused without waiting its 30 s.
        MockHttpServletResponse refused = CompletableFuture.supplyAsync(() ->
                run(filter, "/api/v1/payments", (request, response) -> handled.incrementAndGet()), OWN_THREAD)
                .get(5, TimeUnit.SECONDS);
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refusals).hasValue(1);
        assertThat(queued).isNotDone();

        release.countDown();
        assertThat(queued.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(first.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(handled).hasValue(1);
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

    @Test
    void aLaneHasItsOwnPermitsAndItsOwnWait() throws Exception {
        ConcurrencyLimitFilter filter = new ConcurrencyLimitFilter(new KassaSecurityProperties.Concurrency(true, 1,
                Duration.ofSeconds(30), 256, Map.of("psp-webhooks", new KassaSecurityProperties.Lane(
                        List.of("/api/v1/webhooks/**"), 1, Duration.ofMillis(50), 64))), writer);
        CountDownLatch releaseCheckout = new CountDownLatch(1);
        CompletableFuture<MockHttpServletResponse> checkout =
                holdThePermit(filter, "/api/v1/payments", releaseCheckout);

        // Every checkout permit is taken, yet a webhook is handled at once: it does not queue behind checkouts.
        assertThat(run(filter, "/api/v1/webhooks/psp", (request, response) -> { }).getStatus()).isEqualTo(200);

        // With the lane's one permit taken, the next webhook waits the lane's 50 ms, not the 30 s of the others.
        CountDownLatch releaseWebhook = new CountDownLatch(1);
        CompletableFuture<MockHttpServletResponse> webhook = holdThePermit(filter, "/api/v1/webhooks/psp",
                releaseWebhook);
        MockHttpServletResponse refused = CompletableFuture.supplyAsync(() ->
                run(filter, "/api/v1/webhooks/psp", (request, response) -> { }), OWN_THREAD).get(5, TimeUnit.SECONDS);
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(refusals).hasValue(1);

        releaseWebhook.countDown();
        releaseCheckout.countDown();
        assertThat(webhook.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(checkout.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
    }

    @Test
    void lanesBindFromPropertiesWithTheirDefaults() {
        KassaSecurityProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "kassa.security.operators", "",
                "kassa.security.concurrency.max-requests", "12",
                "kassa.security.concurrency.lanes.psp-webhooks.paths", "/api/v1/webhooks/**,/hooks/**",
                "kassa.security.concurrency.lanes.psp-webhooks.max-requests", "4")))
                .bindOrCreate("kassa.security", KassaSecurityProperties.class);

        assertThat(properties.concurrency().maxRequests()).isEqualTo(12);
        assertThat(properties.concurrency().maxWait()).isEqualTo(Duration.ofSeconds(30));
        KassaSecurityProperties.Lane lane = properties.concurrency().lanes().get("psp-webhooks");
        assertThat(lane.paths()).containsExactly("/api/v1/webhooks/**", "/hooks/**");
        assertThat(lane.maxRequests()).isEqualTo(4);
        assertThat(lane.maxWait()).isEqualTo(Duration.ofSeconds(1));
        assertThat(lane.maxQueue()).isEqualTo(64);
        assertThat(properties.concurrency().maxQueue()).as("unbounded unless set").isEqualTo(Integer.MAX_VALUE);
    }

    private static CompletableFuture<MockHttpServletResponse> holdThePermit(ConcurrencyLimitFilter filter,
                                                                            CountDownLatch release)
            throws InterruptedException {
        return holdThePermit(filter, "/api/v1/payments", release);
    }

    /** A request that is admitted and stays inside until {@code release}; returns once it is inside. */
    private static CompletableFuture<MockHttpServletResponse> holdThePermit(ConcurrencyLimitFilter filter, String path,
                                                                            CountDownLatch release)
            throws InterruptedException {
        CountDownLatch inside = new CountDownLatch(1);
        CompletableFuture<MockHttpServletResponse> held = CompletableFuture.supplyAsync(() ->
                run(filter, path, (request, response) -> {
                    inside.countDown();
                    awaitLatch(release);
                }), OWN_THREAD);
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
        return held;
    }

    private ConcurrencyLimitFilter filter(int maxRequests, Duration maxWait) {
        return new ConcurrencyLimitFilter(
                new KassaSecurityProperties.Concurrency(true, maxRequests, maxWait, 256, Map.of()), writer);
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
