package dev.kassa.pspmock.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every error leaves the service in the same Stripe-like JSON shape. */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

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

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> unexpected(Exception error) {
        log.error("Unexpected error while handling a request", error);
        return json.render(ApiException.apiError(500, "internal_error", "An unexpected error occurred.")).toEntity();
    }
}
