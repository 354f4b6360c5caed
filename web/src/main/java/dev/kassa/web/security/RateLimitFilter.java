package dev.kassa.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.OptionalLong;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The rate limits inside the security chain. Before authentication: an address that has used up its failed
 * authentications gets 429 without its key being looked at. After authentication: each key its own bucket.
 */
final class RateLimitFilter {

    private RateLimitFilter() {
    }

    /** Runs before the bearer-token filter. */
    static final class FailedAuthentications extends OncePerRequestFilter {

        private final RateLimits limits;
        private final SecurityResponses responses;

        FailedAuthentications(RateLimits limits, SecurityResponses responses) {
            this.limits = limits;
            this.responses = responses;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            OptionalLong wait = limits.blockedAddress(request.getRemoteAddr());
            if (wait.isPresent()) {
                responses.tooManyRequests(request, response, wait.getAsLong(),
                        "too many failed authentications from this address");
                return;
            }
            chain.doFilter(request, response);
        }
    }

    /** Runs after the bearer-token filter. */
    static final class PerKey extends OncePerRequestFilter {

        private final RateLimits limits;
        private final SecurityResponses responses;

        PerKey(RateLimits limits, SecurityResponses responses) {
            this.limits = limits;
            this.responses = responses;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication instanceof KassaAuthentication kassa) {
                KassaActor actor = kassa.actor();
                OptionalLong wait = limits.tryRequest(actor.id() + "/" + actor.credentialId());
                if (wait.isPresent()) {
                    responses.tooManyRequests(request, response, wait.getAsLong(), "too many requests with this key");
                    return;
                }
            }
            chain.doFilter(request, response);
        }
    }
}
