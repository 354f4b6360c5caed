package dev.kassa.pspmock.auth;

import dev.kassa.pspmock.api.ApiException;
import dev.kassa.pspmock.api.ApiJson;
import dev.kassa.web.security.KassaActor;
import dev.kassa.web.security.Refusal;
import dev.kassa.web.security.RefusalWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The security layer's 401, 403 and 429 in this API's Stripe-like dialect instead of Kassa's problem details:
 * a PSP client reads every error of this API the same way. Status and headers (WWW-Authenticate, Retry-After)
 * are the web module's.
 */
@Component
class StripeStyleRefusals implements RefusalWriter {

    private final ApiJson json;

    StripeStyleRefusals(ApiJson json) {
        this.json = json;
    }

    @Override
    public void write(HttpServletRequest request, HttpServletResponse response, Refusal refusal, String detail)
            throws IOException {
        json.writeError(response, switch (refusal) {
            case UNAUTHENTICATED -> unauthenticated(request);
            case FORBIDDEN -> forbidden();
            case RATE_LIMITED -> new ApiException(429, "rate_limit_error", "rate_limit",
                    "Request rate limit exceeded: " + detail + ".", null);
            // Stripe's own answer to a server that cannot take the request now: an api_error the clients retry.
            case OVERLOADED -> new ApiException(503, "api_error", null, "Service unavailable: " + detail + ".", null);
        });
    }

    private static ApiException unauthenticated(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.isBlank()) {
            return new ApiException(401, "invalid_request_error", "api_key_missing",
                    "You did not provide an API key. Send it as 'Authorization: Bearer <secret key>'.", null);
        }
        return new ApiException(401, "invalid_request_error", "api_key_invalid", "Invalid API key provided.", null);
    }

    /**
     * As Stripe answers a restricted key without the permission: an invalid request naming the key's visible
     * prefix. Without a key, the path is one no rule allows to anyone (the web module's deny-all).
     */
    private static ApiException forbidden() {
        String message = KassaActor.current()
                .map(actor -> "The provided key '" + actor.credentialId()
                        + "…' does not have the required permissions for this endpoint.")
                .orElse("No key may call this endpoint.");
        return new ApiException(403, "invalid_request_error", "forbidden", message, null);
    }
}
