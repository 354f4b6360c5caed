package dev.kassa.ledger.web;

import dev.kassa.ledger.LedgerServiceApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A fault of ours in one of the ledger's own controllers: logged with its stack trace, answered as a 500
 * problem that reveals nothing. Scoped to this service's packages and ordered last, so that it never takes
 * an exception another advice answers (the messaging library's admin endpoints have their own).
 */
@RestControllerAdvice(basePackageClasses = LedgerServiceApplication.class)
@Order(Ordered.LOWEST_PRECEDENCE)
public class UnexpectedErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedErrorHandler.class);

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        log.error("Unexpected error while handling a request", ex);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "an internal error occurred; reading the ledger changes nothing, so the request can be retried");
        body.setTitle("Internal error");
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
