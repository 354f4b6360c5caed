package dev.kassa.launcher.bench;

import dev.kassa.client.ExchangeListener;
import dev.kassa.client.KassaApiException;
import dev.kassa.client.KassaClient;
import dev.kassa.client.RetryPolicy;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends checkouts on a fixed schedule, whatever the answers take (open loop): checkout {@code n} of a stage is due
 * at {@code start + n / rate}, and a slow system makes requests pile up in flight rather than slowing the offered
 * rate down, as real buyers would. Latencies are measured from when a request was due, not from when it left, so a
 * scheduler that fell behind does not hide the delay. In-flight requests are capped: beyond the cap a checkout is
 * counted as not sent rather than piling up without bound.
 *
 * <p>Checkouts go through kassa-client, as a checkout frontend's back end would send them, without blocking a thread
 * per request ({@link KassaClient#createCheckoutAsync}). A POST that gets no answer in time, or a 5xx, is sent again
 * with the same body by the client's retry policy (after the answer's {@code Retry-After}, or a second); the API
 * answers a resubmitted checkout from the one it has. Its latency runs until the last answer.
 */
final class OpenLoopLoad implements AutoCloseable {

    /** Names of the load generator's own threads (CPU accounting tells them from the rest of this JVM). */
    static final String THREAD_PREFIX = "kassa-bench-";
    static final int MAX_IN_FLIGHT = 2_000;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Three attempts, a second apart unless a 5xx's Retry-After asks for longer (up to 30 s). */
    private static final RetryPolicy RETRIES = new RetryPolicy(3, Duration.ofSeconds(1), 1.0, Duration.ofSeconds(30), 0.2);

    private final ExecutorService httpThreads;
    private final HttpClient http;
    private final KassaClient kassa;
    private final CheckoutPlan plan;
    private final PostLog log;
    private final Backlog backlog;

    /** @param merchantKey the key of the merchant the checkouts are sent as */
    OpenLoopLoad(String paymentServiceUrl, String merchantKey, CheckoutPlan plan, PostLog log, Backlog backlog) {
        AtomicInteger threads = new AtomicInteger();
        // Two threads handle the answers (and the client's retries); the HTTP client multiplexes every connection on
        // its selector thread.
        this.httpThreads = Executors.newFixedThreadPool(2,
                task -> new Thread(task, THREAD_PREFIX + "http-" + threads.incrementAndGet()));
        this.http = HttpClient.newBuilder().executor(httpThreads).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        this.kassa = KassaClient.builder().baseUrl(paymentServiceUrl).apiKey(merchantKey).httpClient(http)
                .requestTimeout(REQUEST_TIMEOUT).retryPolicy(RETRIES).exchangeListener(new AttemptCounter(log)).build();
        this.plan = plan;
        this.log = log;
        this.backlog = backlog;
    }

    /**
     * Sends checkouts {@code first} to {@code first + count - 1}, checkout {@code first + i} due at
     * {@code startNanos + i / rate}, and runs {@code atHalf} half-way; returns when the last one is sent (its answer
     * may still be on the way).
     */
    void drive(long first, long count, double rate, long startNanos, Runnable atHalf) {
        for (long i = 0; i < count; i++) {
            if (i == count / 2) {
                atHalf.run(); // a late start of the next sends shows in their latency: they are timed from when they were due
            }
            long due = startNanos + (long) (i * 1e9 / rate);
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            send(first + i, due);
        }
    }

    /** Waits until every request has its answer or gave up. */
    void awaitAnswers() {
        long deadline = System.nanoTime() + REQUEST_TIMEOUT.multipliedBy(RETRIES.maxAttempts())
                .plus(RETRIES.maxBackoff().multipliedBy(RETRIES.maxAttempts() - 1)).plusSeconds(5).toNanos();
        while (log.inFlight() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(10_000_000);
        }
    }

    private void send(long n, long due) {
        if (log.inFlight() >= MAX_IN_FLIGHT) {
            log.notSent(n, due);
            return;
        }
        String checkoutId = plan.checkoutId(n);
        backlog.sent(checkoutId);
        log.sending(n, due);
        kassa.createCheckoutAsync(plan.checkout(n).request()).whenComplete((checkout, error) -> {
            long answered = System.nanoTime();
            if (error == null) {
                log.answered(n, PostLog.ACCEPTED, answered, null);
                return;
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            backlog.refused(checkoutId);
            log.answered(n, cause instanceof KassaApiException refused ? refused.status() : PostLog.NO_ANSWER, answered,
                    checkoutId + " -> " + cause);
        });
    }

    @Override
    public void close() {
        kassa.close();
        http.shutdownNow();
        httpThreads.shutdownNow();
    }

    /** Counts every attempt that ended, answered or not: what is beyond one per call was a retry. */
    private record AttemptCounter(PostLog log) implements ExchangeListener {

        @Override
        public void exchanged(HttpRequest request, byte[] requestBody, HttpResponse<byte[]> response) {
            log.attemptEnded();
        }

        @Override
        public void failed(HttpRequest request, byte[] requestBody, IOException failure) {
            log.attemptEnded();
        }
    }
}
