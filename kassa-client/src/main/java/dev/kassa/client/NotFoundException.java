package dev.kassa.client;

import java.time.Duration;

/**
 * 404 {@code not-found}: no such checkout, order or dispute, or one of another merchant (which looks exactly the same).
 */
public class NotFoundException extends KassaApiException {

    public NotFoundException(String method, String path, int status, Problem problem, Duration retryAfter,
                             String requestId, int attempts) {
        super(method, path, status, problem, retryAfter, requestId, attempts);
    }
}
