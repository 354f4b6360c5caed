package dev.kassa.client;

import java.time.Duration;

/**
 * 409 {@code conflict}: the request contradicts what exists: an id reused with another body, a seller of another
 * merchant, a retry of an order that is not FAILED, a refund of one that is not SUCCEEDED or under dispute, evidence
 * for a dispute that takes none. Never retried: sending it again gets the same answer.
 */
public class ConflictException extends KassaApiException {

    public ConflictException(String method, String path, int status, Problem problem, Duration retryAfter,
                             String requestId, int attempts) {
        super(method, path, status, problem, retryAfter, requestId, attempts);
    }
}
