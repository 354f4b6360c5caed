package dev.kassa.payment.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.payment.PaymentServiceTestBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * Throughput of the gateway against the real PSP simulator, one JVM for the service and one for psp-mock,
 * sharing the machine with local-stack's broker and PostgreSQL. Not part of {@code verify}:
 *
 * <pre>
 * ./mvnw -B -q -pl payment-service verify -Dtest=PaymentBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * cat payment-service/target/payment-benchmark.txt
 * </pre>
 *
 * Options (system properties): {@code payment.benchmark.checkouts} (2000), {@code .clients} (32).
 * Measures: checkout intake (202s per second and latency, each a transaction with checkout, order and
 * outbox row); end-to-end payments per second (POST until every order is SUCCEEDED: outbox relay, Kafka,
 * executor, PSP call, result transaction); and idempotent resubmissions per second.
 */
class PaymentBenchmark extends PaymentServiceTestBase {

    private static final int CHECKOUTS = Integer.getInteger("payment.benchmark.checkouts", 2000);
    private static final int CLIENTS = Integer.getInteger("payment.benchmark.clients", 32);
    private static final Path REPORT = Path.of("target", "payment-benchmark.txt");

    @Value("${kassa.payment.executor.consumer-threads}")
    int executorThreads;

    @Test
    void intakeEndToEndAndResubmissions() throws Exception {
        warmUp();
        String run = id("bench");
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < CHECKOUTS; i++) {
            bodies.add(checkout(run + "_chk_" + i, run + "_po_" + i, "10.00", "USD", "tok_visa"));
        }

        long started = System.nanoTime();
        Timings intake = post(bodies, 202);
        long accepted = System.nanoTime();
        Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100)).until(() ->
                jdbc.sql("SELECT count(*) FROM payment_order WHERE payment_order_id LIKE ? AND status = 'SUCCEEDED'")
                        .param(run + "_po_%").query(Long.class).single() == CHECKOUTS);
        long succeeded = System.nanoTime();
        Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100)).until(() ->
                jdbc.sql("SELECT count(*) FROM outbox_message WHERE sent_at IS NULL").query(Long.class).single() == 0);
        long drained = System.nanoTime();

        Timings resubmissions = post(bodies, 200);

        List<String> lines = List.of(
                "payment-service benchmark: %d checkouts of one order (tok_visa), %d concurrent clients, %d executor threads"
                        .formatted(CHECKOUTS, CLIENTS, executorThreads),
                "checkout intake:        %s".formatted(intake.describe()),
                "end to end:             %.0f payments/s (%d orders SUCCEEDED %.1f s after the first POST)"
                        .formatted(CHECKOUTS / seconds(started, succeeded), CHECKOUTS, seconds(started, succeeded)),
                "outbox drained:         %.1f s after the first POST (payment.psp-requests and payment.results)"
                        .formatted(seconds(started, drained)),
                "idempotent resubmission: %s".formatted(resubmissions.describe()),
                "(intake took %.1f s of the end-to-end time)".formatted(seconds(started, accepted)));
        lines.forEach(System.out::println);
        try {
            Files.createDirectories(REPORT.toAbsolutePath().getParent());
            Files.write(REPORT, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JIT, connection pools and Kafka partitions assigned before anything is timed. */
    private void warmUp() throws Exception {
        String warm = id("warm");
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            bodies.add(checkout(warm + "_chk_" + i, warm + "_po_" + i, "1.00", "USD", "tok_visa"));
        }
        post(bodies, 202);
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() ->
                jdbc.sql("SELECT count(*) FROM payment_order WHERE payment_order_id LIKE ? AND status = 'SUCCEEDED'")
                        .param(warm + "_po_%").query(Long.class).single() == bodies.size());
    }

    private Timings post(List<String> bodies, int expectedStatus) throws Exception {
        List<Callable<Long>> calls = new ArrayList<>();
        for (String body : bodies) {
            calls.add(() -> {
                long start = System.nanoTime();
                int status = api.postJson("/api/v1/payments", body).status();
                assertThat(status).isEqualTo(expectedStatus);
                return System.nanoTime() - start;
            });
        }
        long started = System.nanoTime();
        List<Long> latencies = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            for (Future<Long> latency : clients.invokeAll(calls)) {
                latencies.add(latency.get());
            }
        }
        return new Timings(latencies, System.nanoTime() - started);
    }

    private record Timings(List<Long> latenciesNanos, long elapsedNanos) {

        String describe() {
            List<Long> sorted = new ArrayList<>(latenciesNanos);
            Collections.sort(sorted);
            return String.format(Locale.ROOT, "%.0f requests/s, latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms",
                    sorted.size() / (elapsedNanos / 1e9), percentile(sorted, 0.50), percentile(sorted, 0.95),
                    percentile(sorted, 0.99));
        }

        private static double percentile(List<Long> sorted, double p) {
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
        }
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }
}
