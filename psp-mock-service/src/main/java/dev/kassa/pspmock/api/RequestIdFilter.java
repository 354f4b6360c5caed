package dev.kassa.pspmock.api;

import java.io.IOException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every {@code /v1} request an id, answered in {@code Request-Id} as Stripe does (its SDKs keep it on the
 * response) and carried by the events the request causes ({@link CurrentRequest}); answers the API version spoken in
 * {@code Stripe-Version}, whatever version the client asked for (psp-mock speaks one).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class RequestIdFilter extends OncePerRequestFilter {

    static final String HEADER = "Request-Id";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = Ids.newId("req");
        response.setHeader(HEADER, id);
        response.setHeader(StripeVersion.HEADER, StripeVersion.VALUE);
        CurrentRequest.begin(id);
        try {
            chain.doFilter(request, response);
        } finally {
            CurrentRequest.end();
        }
    }
}
