package dev.kassa.proxy;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.adaptCachedBody;
import static org.springframework.cloud.gateway.server.mvc.filter.LoadBalancerFilterFunctions.lb;
import static org.springframework.cloud.gateway.server.mvc.filter.RetryFilterFunctions.retry;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;

import jakarta.servlet.DispatcherType;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Each service's routes: whatever arrives on its port goes to one of its ready instances (Spring Cloud
 * LoadBalancer: of the instances whose readiness probe answers UP, the one with the fewest requests in flight,
 * {@link LeastRequestsLoadBalancer}). A request that is safe to
 * repeat is sent to another instance when the first one refused the connection or died before it answered; any
 * other request is sent once, and a failure is the client's to see (a 502 problem, as from any proxy; a 503 with
 * {@code Retry-After} when no instance is ready). An instance's own answer, a 503 included, is passed on as it is:
 * the service said it, with its {@code Retry-After}.
 */
@Configuration(proxyBeanMethods = false)
class ServiceRoutes {

    /** Attempts after the first: with two instances, one more reaches the other. */
    private static final int REPEATS = 2;
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Bean
    RouterFunction<ServerResponse> serviceRouterFunction(ProxyProperties properties) {
        return properties.services().entrySet().stream()
                .map(ServiceRoutes::routesOf)
                .reduce(RouterFunction::and)
                .orElseGet(() -> request -> Optional.empty());
    }

    private static RouterFunction<ServerResponse> routesOf(Map.Entry<String, ProxyProperties.Service> entry) {
        String serviceId = entry.getKey();
        ProxyProperties.Service service = entry.getValue();
        // Requests only, not the container's error dispatch (/error), which would be proxied as a request of its own.
        RequestPredicate onItsPort = request -> request.servletRequest().getLocalPort() == service.port()
                && request.servletRequest().getDispatcherType() == DispatcherType.REQUEST;
        // Each filter added runs inside those added before it: the failures' answers outermost (not onError(),
        // whose handlers run innermost and would answer before the retry saw a failure), then the retry, the load
        // balancer (each attempt asks it again: the next instance), and the cached body, rewound for each attempt.
        RouterFunction<ServerResponse> repeatable = route(serviceId + "-repeatable")
                .route(onItsPort.and(repeatable(service)), http())
                .filter(answerFailures(serviceId))
                .filter(retry(config -> config.setRetries(REPEATS)
                        .setSeries(Set.of())
                        .setExceptions(Set.of(ResourceAccessException.class))
                        .setCacheBody(true)
                        .setBackoff(Duration.ofMillis(20), Duration.ofMillis(200), 2)))
                .filter(lb(serviceId))
                .before(ServiceRoutes::rewindCachedBody)
                .before(adaptCachedBody())
                .build();
        RouterFunction<ServerResponse> once = route(serviceId)
                .route(onItsPort, http())
                .filter(answerFailures(serviceId))
                .filter(lb(serviceId))
                .build();
        return repeatable.and(once);
    }

    /**
     * Each attempt sends the body from its start: the retry filter caches it once, in one stream, which the first
     * attempt reads to its end (Spring Cloud Gateway 5.0.4 does not rewind it, so a repeat went out empty).
     */
    private static ServerRequest rewindCachedBody(ServerRequest request) {
        ByteArrayInputStream body = MvcUtils.getAttribute(request, MvcUtils.CACHED_REQUEST_BODY_ATTR);
        if (body != null) {
            body.reset();
        }
        return request;
    }

    /** Whether {@code type} is among the causes of {@code failure} (the retry filter wraps its last failure). */
    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /** A failure to reach an instance answered as a proxy answers it, instead of Boot's error page (a 500). */
    private static HandlerFilterFunction<ServerResponse, ServerResponse> answerFailures(String serviceId) {
        return (request, next) -> {
            try {
                return next.handle(request);
            } catch (Exception e) {
                if (causedBy(e, HttpServerErrorException.class)) {
                    return noInstance(serviceId);
                }
                if (causedBy(e, ResourceAccessException.class)) {
                    return noAnswer(serviceId);
                }
                throw e;
            }
        };
    }

    /** The instance failed (connection refused or lost) and the request was not, or no longer, repeated. */
    private static ServerResponse noAnswer(String serviceId) {
        return problem(HttpStatus.BAD_GATEWAY, headers -> { }, "No answer from an instance of " + serviceId
                + "; the request may or may not have been handled");
    }

    /** The load balancer has no ready instance (all starting, stopping or down). */
    private static ServerResponse noInstance(String serviceId) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, headers -> headers.set(HttpHeaders.RETRY_AFTER, "1"),
                "No instance of " + serviceId + " is ready");
    }

    private static ServerResponse problem(HttpStatus status, Consumer<HttpHeaders> headers, String detail) {
        return ServerResponse.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }

    /** Reads, and writes the service deduplicates: a second attempt changes nothing the first one did. */
    private static RequestPredicate repeatable(ProxyProperties.Service service) {
        RequestPredicate repeatable = RequestPredicates.method(HttpMethod.GET)
                .or(RequestPredicates.method(HttpMethod.HEAD))
                .or(RequestPredicates.method(HttpMethod.OPTIONS))
                .or(RequestPredicates.headers(headers -> !headers.header(IDEMPOTENCY_KEY).isEmpty()));
        for (String pattern : service.idempotentPosts()) {
            repeatable = repeatable.or(RequestPredicates.POST(pattern));
        }
        return repeatable;
    }
}
