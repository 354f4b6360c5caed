package dev.kassa.pspmock.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every error leaves the service in the same Stripe-like JSON shape. */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final int SERVICE_UNAVAILABLE = 503;
    /** Stripe's header on answers where the same request, with the same key, may succeed. */
    static final String SHOULD_RETRY = "Stripe-Should-Retry";

    private final ApiJson json;

    ApiExceptionHandler(ApiJson json) {
        this.json = json;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<String> apiError(ApiException error) {
        return json.render(error).toEntity();
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<String> unknownUrl(NoResourceFoundException error) {
        return json.render(new ApiException(404, "invalid_request_error", "unrecognized_request_url",
                "Unrecognized request URL: /" + error.getResourcePath(), null)).toEntity();
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<String> wrongMethod(HttpRequestMethodNotSupportedException error) {
        return json.render(new ApiException(405, "invalid_request_error", "method_not_allowed",
                error.getMessage(), null)).toEntity();
    }

    /**
     * The database is away or busy: no pooled connection came free in time (an instance carrying its peers' load
     * while they restart), the connection was lost (PostgreSQL restarting), a lock or statement timed out. Nothing
     * the caller did wrong and nothing was done (the work rolled back, its idempotency key was released), so Stripe's
     * answer for it, a 503 {@code api_error} with {@code Stripe-Should-Retry: true} that Stripe's SDKs and
     * payment-service retry with the same key, not a 500 that looks like a bug.
     */
    @ExceptionHandler({TransientDataAccessException.class, DataAccessResourceFailureException.class,
            CannotCreateTransactionException.class})
    ResponseEntity<String> temporarilyUnavailable(Exception error) {
        log.warn("A request failed transiently, answered 503: {}", error.toString());
        return ResponseEntity.status(SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .header(SHOULD_RETRY, "true")
                .contentType(MediaType.APPLICATION_JSON)
                .body(json.render(ApiException.apiError(SERVICE_UNAVAILABLE, "service_unavailable",
                        "The PSP's database is busy or unreachable; nothing was done. Retry with the same"
                                + " Idempotency-Key.")).body());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> unexpected(Exception error) {
        log.error("Unexpected error while handling a request", error);
        return json.render(ApiException.apiError(500, "internal_error", "An unexpected error occurred.")).toEntity();
    }
}
