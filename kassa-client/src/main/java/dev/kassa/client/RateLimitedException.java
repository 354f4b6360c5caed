package dev.kassa.client;

import java.time.Duration;

/**
 * 429 {@code rate-limited}: too many requests with this key; {@link #retryAfter()} says how long to wait. Not retried
 * by the client (a 4xx): the caller decides.
 */
public class RateLimitedException extends KassaApiException {

    public RateLimitedException(String method, String path, int status, Problem problem, Duration retryAfter,
                                String requestId, int attempts) {
        super(method, path, status, problem, retryAfter, requestId, attempts);
    }
}
