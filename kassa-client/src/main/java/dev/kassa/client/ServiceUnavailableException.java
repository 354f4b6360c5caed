package dev.kassa.client;

import java.time.Duration;

/**
 * 503 {@code temporarily-unavailable}: the service was busy or its database or broker out of reach, on every attempt
 * allowed; the same request may be sent again later ({@link #retryAfter()}).
 */
public class ServiceUnavailableException extends ServerErrorException {

    public ServiceUnavailableException(String method, String path, int status, Problem problem, Duration retryAfter,
                                       String requestId, int attempts) {
        super(method, path, status, problem, retryAfter, requestId, attempts);
    }
}
