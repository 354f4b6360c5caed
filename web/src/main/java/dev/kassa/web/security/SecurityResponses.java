package dev.kassa.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The security layer's answers, 401, 403 and 429 (and 503 when a credential cannot be verified now), with their
 * headers; the body is the {@link RefusalWriter}'s. Every 401 counts against the caller's address ({@link RateLimits}).
 */
final class SecurityResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final RefusalWriter writer;
    private final RateLimits rateLimits;

    SecurityResponses(RefusalWriter writer, RateLimits rateLimits) {
        this.writer = writer;
        this.rateLimits = rateLimits;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof AuthenticationServiceException) {
            // Neither accepted nor refused (payment-service or the JWT issuer's keys out of reach): not the caller's
            // failure, so it does not count against its address, and it is worth trying again.
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            writer.write(request, response, Refusal.OVERLOADED, "credentials cannot be verified right now");
            return;
        }
        rateLimits.failedAuthentication(request.getRemoteAddr());
        boolean presented = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, presented
                ? "Bearer error=\"invalid_token\", error_description=\"The key or token is unknown, revoked or expired\""
                : "Bearer");
        writer.write(request, response, Refusal.UNAUTHENTICATED, presented
                ? "the key or token is unknown, revoked or expired"
                : "this endpoint needs credentials: send 'Authorization: Bearer <key>'");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        writer.write(request, response, Refusal.FORBIDDEN, "your role does not allow this request");
    }

    void tooManyRequests(HttpServletRequest request, HttpServletResponse response, long nanosToWait, String detail)
            throws IOException {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanosToWait + TimeUnit.SECONDS.toNanos(1) - 1));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        writer.write(request, response, Refusal.RATE_LIMITED, detail + "; retry after " + seconds + " s");
    }
}
