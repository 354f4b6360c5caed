package dev.kassa.client;

import java.time.Duration;

/**
 * 403 {@code forbidden}: the key's role does not allow the request (an operator key creating a checkout, a merchant key
 * asking for another merchant's history).
 */
public class ForbiddenException extends KassaApiException {

    public ForbiddenException(String method, String path, int status, Problem problem, Duration retryAfter,
                              String requestId, int attempts) {
        super(method, path, status, problem, retryAfter, requestId, attempts);
    }
}
