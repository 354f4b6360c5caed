package dev.kassa.pspmock.api;

import dev.kassa.web.BodyTooLargeResponder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * The web module's body limit, answered in this API's Stripe-like dialect ({@code request_too_large}) when a
 * request's Content-Length is over it; a chunked body that grows past it is answered by {@link ApiJson}.
 */
@Component
class BodyTooLargeInThisDialect implements BodyTooLargeResponder {

    private final ApiJson json;

    BodyTooLargeInThisDialect(ApiJson json) {
        this.json = json;
    }

    @Override
    public void respond(HttpServletRequest request, HttpServletResponse response, long limitBytes) throws IOException {
        json.writeError(response, ApiJson.tooLarge(limitBytes));
    }
}
