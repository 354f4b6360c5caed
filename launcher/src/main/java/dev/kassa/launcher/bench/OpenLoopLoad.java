package dev.kassa.launcher.bench;

import dev.kassa.launcher.demo.KassaClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends checkouts on a fixed schedule, whatever the answers take (open loop): checkout {@code n} of a stage is due
 * at {@code start + n / rate}, and a slow system makes requests pile up in flight rather than slowing the offered
 * rate down, as real buyers would. Latencies are measured from when a request was due, not from when it left, so a
 * scheduler that fell behind does not hide the delay. In-flight requests are capped: beyond the cap a checkout is
 * counted as not sent rather than piling up without bound.
 *
 * <p>A POST that gets no answer in time, or a 5xx, is sent again with the same body, as a checkout frontend would:
 * the API answers a resubmitted checkout from the one it has (same checkout id, same request). A 5xx is sent again
 * after its {@code Retry-After} (a service that sheds load says when to come back), or after a second without one;
 * one that timed out at once. Its latency runs until the last answer.
 */
final class OpenLoopLoad implements AutoCloseable {

    /** Names of the load generator's own threads (CPU accounting tells them from the rest of this JVM). */
    static final String THREAD_PREFIX = "kassa-bench-";
    static final int MAX_IN_FLIGHT = 2_000;
    static final int MAX_ATTEMPTS = 3;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final ExecutorService httpThreads;
    private final HttpClient http;
    private final URI payments;
    private final String authorization;
    private final CheckoutPlan plan;
    private final PostLog log;
    private final Backlog backlog;

    /** @param merchantKey the key of the merchant the checkouts are sent as */
    OpenLoopLoad(String paymentServiceUrl, String merchantKey, CheckoutPlan plan, PostLog log, Backlog backlog) {
        AtomicInteger threads = new AtomicInteger();
        // Two threads handle the answers; the HTTP client multiplexes every connection on its selector thread.
        this.httpThreads = Executors.newFixedThreadPool(2,
                task -> new Thread(task, THREAD_PREFIX + "http-" + threads.incrementAndGet()));
        this.http = HttpClient.newBuilder().executor(httpThreads).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.payments = URI.create(paymentServiceUrl + "/api/v1/payments");
        this.authorization = "Bearer " + merchantKey;
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

    /** Waits until every request has its answer or timed out. */
    void awaitAnswers() {
        long deadline = System.nanoTime() + REQUEST_TIMEOUT.multipliedBy(MAX_ATTEMPTS).plusSeconds(5).toNanos();
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
        HttpRequest request = HttpRequest.newBuilder(payments).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(KassaClient.json(plan.checkout(n).body())))
                .build();
        backlog.sent(checkoutId);
        log.sending(n, due);
        attempt(n, checkoutId, request, 1);
    }

    private void attempt(long n, String checkoutId, HttpRequest request, int attempt) {
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            long answered = System.nanoTime();
            int status = error != null ? PostLog.NO_ANSWER : response.statusCode();
            if ((status == PostLog.NO_ANSWER || status >= 500) && attempt < MAX_ATTEMPTS) {
                log.retried();
                long delaySeconds = status == PostLog.NO_ANSWER ? 0 : retryAfterSeconds(response);
                CompletableFuture.delayedExecutor(delaySeconds, TimeUnit.SECONDS, httpThreads)
                        .execute(() -> attempt(n, checkoutId, request, attempt + 1));
                return;
            }
            if (status / 100 != 2) {
                backlog.refused(checkoutId);
            }
            log.answered(n, status, answered, status / 100 == 2 ? null : checkoutId + " -> "
                    + (error != null ? error.toString() : status + " " + abbreviate(response.body())) + " (attempt " + attempt + ")");
        });
    }

    /** The answer's {@code Retry-After} in seconds (at most 30), or 1 without a readable one. */
    private static long retryAfterSeconds(HttpResponse<String> response) {
        try {
            return response.headers().firstValue("Retry-After").map(Long::parseLong).map(s -> Math.min(Math.max(s, 0), 30))
                    .orElse(1L);
        } catch (NumberFormatException httpDate) {
            return 1;
        }
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }

    @Override
    public void close() {
        http.shutdownNow();
        httpThreads.shutdownNow();
    }
}
