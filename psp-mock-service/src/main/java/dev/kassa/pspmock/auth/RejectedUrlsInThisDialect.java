package dev.kassa.pspmock.auth;

import dev.kassa.pspmock.api.ApiException;
import dev.kassa.pspmock.api.ApiJson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * Spring Security's firewall refuses URLs with path tricks ({@code ;x=1}, encoded slashes or dots) before any rule
 * or controller sees them; this answers that 400 in this API's dialect rather than as Boot's error page.
 */
@Component
class RejectedUrlsInThisDialect implements RequestRejectedHandler {

    private final ApiJson json;

    RejectedUrlsInThisDialect(ApiJson json) {
        this.json = json;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        json.writeError(response, ApiException.invalidRequest("request_url_rejected",
                "The request URL was rejected: send a plain path, without ';' parameters or encoded dots "
                        + "and slashes.", null));
    }
}
