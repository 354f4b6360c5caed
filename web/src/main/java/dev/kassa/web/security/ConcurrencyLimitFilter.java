package dev.kassa.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admission control ({@code kassa.security.concurrency}): at most {@code max-requests} requests are handled at
 * once, the others wait in arrival order for up to {@code max-wait} and are then answered 503 with
 * {@code Retry-After}. With virtual threads nothing else bounds how many requests run together, and requests
 * that all wait for the service's pooled database connections starve the work that needs them too (the outbox
 * relay, the consumers, the executor): the service would take requests in faster than it finishes payments.
 * With {@code max-queue} set, at most that many wait and one more is refused at once: each waiting request holds
 * its connection's buffers (about 100 KB in Tomcat), and 2,000 waiting checkouts filled the heap and put the service
 * into back-to-back full collections; but clients that retry a refusal keep a bounded queue full (measured:
 * docs/architecture.md §11), so it is unbounded unless configured. A request on one of the {@code lanes}' paths
 * takes that lane's permits, queue and wait instead. Health and the other actuator endpoints are never held back.
 */
final class ConcurrencyLimitFilter extends OncePerRequestFilter {

    /** Spring Security's own path matching, as every access rule uses; no hand-written prefix test on the raw URI. */
    private static final RequestMatcher ACTUATOR = PathPatternRequestMatcher.withDefaults().matcher("/actuator/**");

    private final List<Gate> lanes;
    private final Gate others;
    private final RefusalWriter writer;

    ConcurrencyLimitFilter(KassaSecurityProperties.Concurrency settings, RefusalWriter writer) {
        this.lanes = settings.lanes().entrySet().stream()
                .map(lane -> new Gate(lane.getKey() + " requests", matcherOf(lane.getValue().paths()),
                        lane.getValue().maxRequests(), lane.getValue().maxQueue(), lane.getValue().maxWait().toNanos()))
                .toList();
        this.others = new Gate("requests", request -> true, settings.maxRequests(), settings.maxQueue(),
                settings.maxWait().toNanos());
        this.writer = writer;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return ACTUATOR.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Gate gate = lanes.stream().filter(lane -> lane.paths().matches(request)).findFirst().orElse(others);
        if (!gate.admit()) {
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            writer.write(request, response, Refusal.OVERLOADED, "the service is handling as many " + gate.name()
                    + " as it can (" + gate.maxRequests() + "); send the same request again after the Retry-After");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            gate.permits().release();
        }
    }

    /** Requests outside every lane that wait for a permit now. */
    int waiting() {
        return others.waiting().get();
    }

    private static RequestMatcher matcherOf(List<String> paths) {
        return new OrRequestMatcher(paths.stream()
                .<RequestMatcher>map(path -> PathPatternRequestMatcher.withDefaults().matcher(path)).toList());
    }

    /** Fair permits, so that waiting requests are admitted in arrival order, and a count of those waiting. */
    private record Gate(String name, RequestMatcher paths, int maxRequests, int maxQueue, long maxWaitNanos,
                        Semaphore permits, AtomicInteger waiting) {

        Gate(String name, RequestMatcher paths, int maxRequests, int maxQueue, long maxWaitNanos) {
            this(name, paths, maxRequests, maxQueue, maxWaitNanos, new Semaphore(maxRequests, true),
                    new AtomicInteger());
        }

        boolean admit() {
            try {
                // A zero timeout, not tryAcquire(): that one takes a free permit ahead of the requests waiting for it.
                if (permits.tryAcquire(0, TimeUnit.NANOSECONDS)) {
                    return true;
                }
                if (waiting.incrementAndGet() > maxQueue) {
                    waiting.decrementAndGet();
                    return false;
                }
                try {
                    return permits.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
                } finally {
                    waiting.decrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
