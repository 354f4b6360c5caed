package dev.kassa.console.signin;

import dev.kassa.web.security.RateLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Failed sign-ins per client address, counted and limited as the services limit failed authentications
 * ({@link RateLimits}, {@code kassa.security.rate-limit.failed-auth-per-minute}): once an address has used them up,
 * its sign-ins are answered 429 without their key being checked, until the bucket refills.
 */
final class SignInThrottle extends OncePerRequestFilter implements AuthenticationFailureHandler {

    private final RateLimits limits;
    private final SimpleUrlAuthenticationFailureHandler failed = new SimpleUrlAuthenticationFailureHandler(
            "/sign-in?failed");

    SignInThrottle(RateLimits limits) {
        this.limits = limits;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod())
                && "/sign-in".equals(request.getRequestURI().substring(request.getContextPath().length())));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        OptionalLong wait = limits.blockedAddress(request.getRemoteAddr());
        if (wait.isPresent()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait.getAsLong()) + 1);
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", Long.toString(seconds));
            response.setContentType(MediaType.TEXT_PLAIN_VALUE);
            response.getWriter().write("Too many failed sign-ins from this address: try again in " + seconds + " s.");
            return;
        }
        chain.doFilter(request, response);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException, ServletException {
        limits.failedAuthentication(request.getRemoteAddr());
        failed.onAuthenticationFailure(request, response, exception);
    }
}
