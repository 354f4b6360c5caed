package dev.kassa.client;

import java.time.Duration;

/** 422: well-formed, but a rule refuses it. */
public class UnprocessableRequestException extends KassaApiException {

    public UnprocessableRequestException(String method, String path, int status, Problem problem, Duration retryAfter,
                                         String requestId, int attempts) {
        super(method, path, status, problem, retryAfter, requestId, attempts);
    }
}
