package dev.kassa.console.overview;

import dev.kassa.console.api.Backend;
import dev.kassa.console.api.KassaApi;
import dev.kassa.console.api.ServiceProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        return read(() -> {
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

    List<ServiceHealth> services() {
        List<ServiceHealth> services = new ArrayList<>();
        for (Backend backend : Backend.values()) {
            String status = read(() -> String.valueOf(api.get(backend, "/actuator/health", Map.of()).get("status")))
                    .orElse("not answering");
            Integer deadLetters = null;
            boolean more = false;
            if (backend != Backend.PSP_MOCK) { // the simulated PSP consumes no topic
                Optional<int[]> count = read(() -> deadLetters(backend));
                deadLetters = count.map(c -> c[0]).orElse(null);
                more = count.map(c -> c[1] == 1).orElse(false);
            }
            services.add(new ServiceHealth(backend.displayName(), status,
                    metric(backend, "kassa.outbox.unsent", null).orElse(null),
                    metric(backend, "kassa.outbox.oldest.unsent.age", null).orElse(null), deadLetters, more));
        }
        return services;
    }

    /** 1 while payment-service's PSP circuit breaker is open. */
    Optional<Boolean> pspCircuitOpen() {
        return metric(Backend.PAYMENT, "kassa.payment.psp.circuit.open", null).map(value -> value > 0);
    }

    /** Today's (UTC) reconciliation report, if one has run. */
    Optional<Map<String, Object>> todaysReconciliation() {
        String today = LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString();
        return read(() -> api.get(Backend.RECONCILIATION, "/api/v1/reconciliations", Map.of("limit", 1)))
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

    @SuppressWarnings("unchecked")
    private Optional<Double> metric(Backend backend, String name, String tag) {
        Map<String, Object> query = tag == null ? Map.of() : Map.of("tag", tag);
        return read(() -> api.get(backend, "/actuator/metrics/{name}", query, name))
                .map(metric -> (List<Map<String, Object>>) metric.get("measurements"))
                .flatMap(measurements -> measurements.stream().findFirst())
                .map(measurement -> ((Number) measurement.get("value")).doubleValue());
    }

    private static <T> Optional<T> read(java.util.function.Supplier<T> part) {
        try {
            return Optional.ofNullable(part.get());
        } catch (ServiceProblem notAnswered) {
            return Optional.empty();
        }
    }
}
