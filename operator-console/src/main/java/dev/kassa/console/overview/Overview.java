package dev.kassa.console.overview;

import dev.kassa.console.api.Backend;
import dev.kassa.console.api.KassaApi;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.stereotype.Component;

/**
 * What the overview shows, read from the services each time it is drawn. Every part is read on its own: a service that
 * does not answer shows as such and the rest of the page still draws.
 */
@Component
class Overview {

    static final int MINUTES = 60;
    /** How many dead letters per topic are counted; beyond it the page says "200+". */
    static final int DEAD_LETTER_COUNT_LIMIT = 200;
    private static final List<String> ORDER_STATUSES = List.of("NOT_STARTED", "EXECUTING", "SUCCEEDED", "FAILED");

    private final KassaApi api;
    private final Clock clock = Clock.systemUTC();

    Overview(KassaApi api) {
        this.api = api;
    }

    Optional<ActivityChart> activity() {
        return KassaApi.optional(() -> {
            Map<String, Object> activity = api.get(Backend.PAYMENT, "/admin/payments/activity",
                    Map.of("minutes", MINUTES));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> minutes = (List<Map<String, Object>>) activity.get("minutes");
            return ActivityChart.of(Instant.now(clock), MINUTES, minutes);
        });
    }

    /** payment-service's gauge of orders by status (its {@code kassa.payment.orders} metric). */
    Map<String, Object> ordersByStatus() {
        Map<String, Object> counts = new LinkedHashMap<>();
        for (String status : ORDER_STATUSES) {
            counts.put(status, metric(Backend.PAYMENT, "kassa.payment.orders", "status:" + status)
                    .map(value -> (Object) Math.round(value)).orElse("–"));
        }
        return counts;
    }

    /** Each service's row, the five read at once (each row is about a dozen calls). */
    List<ServiceHealth> services() {
        return inParallel(Arrays.stream(Backend.values()).map(backend -> (Supplier<ServiceHealth>) () -> health(backend))
                .toList());
    }

    private ServiceHealth health(Backend backend) {
        String status = KassaApi.optional(() -> String.valueOf(api.get(backend, "/actuator/health", Map.of())
                .get("status"))).orElse("not answering");
        Integer deadLetters = null;
        boolean more = false;
        Double lag = null;
        if (backend != Backend.PSP_MOCK) { // the simulated PSP consumes no topic
            lag = consumerLag(backend).orElse(null);
            Optional<int[]> count = KassaApi.optional(() -> deadLetters(backend));
            deadLetters = count.map(c -> c[0]).orElse(null);
            more = count.map(c -> c[1] == 1).orElse(false);
        }
        return new ServiceHealth(backend.displayName(), status,
                metric(backend, "kassa.outbox.unsent", null).orElse(null),
                metric(backend, "kassa.outbox.oldest.unsent.age", null).orElse(null), lag, deadLetters, more);
    }

    /**
     * Runs the parts at once on virtual threads, each with the signed-in operator's security context (whose key its
     * calls carry), and answers their results in order.
     */
    static <T> List<T> inParallel(List<Supplier<T>> parts) {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            DelegatingSecurityContextExecutorService asTheOperator = new DelegatingSecurityContextExecutorService(threads);
            List<Future<T>> futures = parts.stream().map(part -> asTheOperator.submit(part::get)).toList();
            List<T> results = new ArrayList<>(futures.size());
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the overview", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    /** 1 while payment-service's PSP circuit breaker is open. */
    Optional<Boolean> pspCircuitOpen() {
        return metric(Backend.PAYMENT, "kassa.payment.psp.circuit.open", null).map(value -> value > 0);
    }

    /** Today's (UTC) reconciliation report, if one has run. */
    Optional<Map<String, Object>> todaysReconciliation() {
        String today = LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString();
        return KassaApi.optional(() -> api.get(Backend.RECONCILIATION, "/api/v1/reconciliations", Map.of("limit", 1)))
                .map(page -> page.get("reconciliations"))
                .filter(List.class::isInstance)
                .flatMap(reports -> ((List<?>) reports).stream().findFirst())
                .map(report -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> map = (Map<String, Object>) report;
                    return map;
                })
                .filter(report -> today.equals(report.get("date")));
    }

    private int[] deadLetters(Backend backend) {
        int count = 0;
        boolean more = false;
        for (String topic : api.strings(backend, "/admin/dead-letters/topics")) {
            if (topic.endsWith(".parking")) {
                continue;
            }
            int listed = api.list(backend, "/admin/dead-letters",
                    Map.of("topic", topic, "limit", DEAD_LETTER_COUNT_LIMIT)).size();
            count += listed;
            more |= listed >= DEAD_LETTER_COUNT_LIMIT;
        }
        return new int[] {count, more ? 1 : 0};
    }

    /**
     * The largest partition lag of any of the service's consumers (the Kafka client's {@code records-lag-max}), asked
     * per consumer: an idle consumer reports NaN (no fetch in the window), which would make the endpoint's sum over
     * all consumers NaN too. 0 when every consumer is idle; empty when the service reports no consumer.
     */
    @SuppressWarnings("unchecked")
    private Optional<Double> consumerLag(Backend backend) {
        String name = "kafka.consumer.fetch.manager.records.lag.max";
        return KassaApi.optional(() -> api.get(backend, "/actuator/metrics/{name}", Map.of(), name))
                .map(metric -> (List<Map<String, Object>>) metric.get("availableTags"))
                .flatMap(tags -> tags.stream().filter(tag -> "client.id".equals(tag.get("tag"))).findFirst())
                .map(tag -> ((List<Object>) tag.get("values")).stream()
                        .map(client -> metric(backend, name, "client.id:" + client).orElse(Double.NaN))
                        .filter(value -> !value.isNaN())
                        .reduce(0.0, Math::max));
    }

    @SuppressWarnings("unchecked")
    private Optional<Double> metric(Backend backend, String name, String tag) {
        Map<String, Object> query = tag == null ? Map.of() : Map.of("tag", tag);
        return KassaApi.optional(() -> api.get(backend, "/actuator/metrics/{name}", query, name))
                .map(metric -> (List<Map<String, Object>>) metric.get("measurements"))
                .flatMap(measurements -> measurements.stream().findFirst())
                .map(measurement -> measurement.get("value") instanceof Number value ? value.doubleValue()
                        : Double.NaN) // a gauge with nothing to report is "NaN" in JSON
                .filter(value -> !value.isNaN());
    }
}
