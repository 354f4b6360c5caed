package dev.kassa.pspmock.fault;

import java.io.IOException;
import dev.kassa.pspmock.api.ApiException;
import dev.kassa.pspmock.api.ApiJson;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The front-door faults of the API: injected 500s and 503s happen before the request reaches the API, so
 * nothing is charged and nothing is stored under the idempotency key (a retry is processed normally).
 * Latency is added here for reads; POSTs get it while their idempotency key is in flight. It runs after the
 * security chain: a caller without a valid key is refused (401) whatever the switches say.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10)
class FaultInjectionFilter extends OncePerRequestFilter {

    private final Faults faults;
    private final ApiJson json;

    FaultInjectionFilter(Faults faults, ApiJson json) {
        this.faults = faults;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (faults.unavailable()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            json.writeError(response, ApiException.apiError(503, "service_unavailable",
                    "The PSP is temporarily unavailable (injected fault). Retry later."));
            return;
        }
        if (faults.serverError()) {
            json.writeError(response, ApiException.apiError(500, "internal_error",
                    "An internal error occurred (injected fault). Retry with the same Idempotency-Key."));
            return;
        }
        if (!"POST".equals(request.getMethod())) {
            faults.applyLatency();
        }
        chain.doFilter(request, response);
    }
}
