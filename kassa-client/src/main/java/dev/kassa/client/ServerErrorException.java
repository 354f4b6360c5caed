package dev.kassa.client;

import java.time.Duration;

/**
 * A 5xx ({@code internal-error}, a proxy's 502, ...) that the retry policy did not overcome, or that came for a request
 * the client may not repeat.
 */
public class ServerErrorException extends KassaApiException {

    public ServerErrorException(String method, String path, int status, Problem problem, Duration retryAfter,
                                String requestId, int attempts) {
        super(method, path, status, problem, retryAfter, requestId, attempts);
    }
}
