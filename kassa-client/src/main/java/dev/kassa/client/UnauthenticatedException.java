package dev.kassa.client;

import java.time.Duration;

/** 401 {@code unauthenticated}: no key, or a key that is unknown or revoked. */
public class UnauthenticatedException extends KassaApiException {

    public UnauthenticatedException(String method, String path, int status, Problem problem, Duration retryAfter,
                                    String requestId, int attempts) {
        super(method, path, status, problem, retryAfter, requestId, attempts);
    }
}
