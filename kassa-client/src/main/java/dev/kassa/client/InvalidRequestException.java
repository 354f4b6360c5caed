package dev.kassa.client;

import java.time.Duration;

/**
 * 400 {@code invalid-request}: a field, parameter or the body is missing, malformed or out of range; {@link #errors()}
 * names each.
 */
public class InvalidRequestException extends KassaApiException {

    public InvalidRequestException(String method, String path, int status, Problem problem, Duration retryAfter,
                                   String requestId, int attempts) {
        super(method, path, status, problem, retryAfter, requestId, attempts);
    }
}
