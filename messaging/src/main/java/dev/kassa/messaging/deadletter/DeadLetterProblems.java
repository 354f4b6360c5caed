package dev.kassa.messaging.deadletter;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 problem details for the dead-letter endpoints' own errors (malformed JSON and missing
 * parameters are answered by Spring MVC's problem details support).
 */
@RestControllerAdvice(assignableTypes = DeadLetterController.class)
class DeadLetterProblems {

    @ExceptionHandler(BadDeadLetterRequestException.class)
    ProblemDetail badRequest(BadDeadLetterRequestException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.field() + " " + e.getMessage());
        problem.setTitle("Invalid dead-letter request");
        problem.setProperty("field", e.field());
        problem.setProperty("reason", e.getMessage());
        return problem;
    }

    @ExceptionHandler({DeadLetterReader.DeadLetterReadTimeoutException.class,
            DeadLetterService.ReplayFailedException.class})
    ProblemDetail kafkaUnavailable(RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Kafka did not complete the request");
        return problem;
    }
}
