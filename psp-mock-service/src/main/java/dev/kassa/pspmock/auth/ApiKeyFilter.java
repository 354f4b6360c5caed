package dev.kassa.pspmock.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import dev.kassa.pspmock.api.ApiException;
import dev.kassa.pspmock.api.ApiJson;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bearer secret-key authentication for the API ({@code /v1/**}) and the fault switches ({@code /admin/**}).
 * Actuator endpoints stay open for health checks and scraping.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiKeyFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final byte[] secretKey;
    private final ApiJson json;

    ApiKeyFilter(AuthProperties properties, ApiJson json) {
        this.secretKey = properties.secretKey().getBytes(StandardCharsets.UTF_8);
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.startsWith("/v1/") || path.startsWith("/admin/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            reject(response, "api_key_missing",
                    "You did not provide an API key. Send it as 'Authorization: Bearer <secret key>'.");
            return;
        }
        String presented = header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).strip() : "";
        // Constant-time comparison: the key must not leak through response timing.
        if (!MessageDigest.isEqual(secretKey, presented.getBytes(StandardCharsets.UTF_8))) {
            reject(response, "api_key_invalid", "Invalid API key provided.");
            return;
        }
        chain.doFilter(request, response);
    }

    private void reject(HttpServletResponse response, String code, String message) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"psp-mock\"");
        json.writeError(response, new ApiException(401, "invalid_request_error", code, message, null));
    }
}
