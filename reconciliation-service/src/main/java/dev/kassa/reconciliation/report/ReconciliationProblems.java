package dev.kassa.reconciliation.report;

import dev.kassa.reconciliation.run.RunInProgressException;
import dev.kassa.reconciliation.settlement.SettlementFileException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem details for the reconciliation API, naming the field and the reason. Spring MVC's own
 * refusals (wrong method, unacceptable media type, ...) keep their status and Spring's problem detail
 * (the {@link ResponseEntityExceptionHandler} base); anything else unexpected is a 500 that reveals nothing.
 * Scoped to this package, so it leaves the messaging module's admin endpoints to their own handling.
 */
@RestControllerAdvice(basePackageClasses = ReconciliationProblems.class)
class ReconciliationProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationProblems.class);
    private static final String TYPE_BASE = "https://kassa.dev/problems/";

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem e) {
        ProblemDetail problem = problem(e.status(), e.type(), e.title(), e.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "reason", e.reason())));
        return render(problem);
    }

    @ExceptionHandler(RunInProgressException.class)
    ResponseEntity<ProblemDetail> runInProgress(RunInProgressException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "reconciliation-running", "Reconciliation already running",
                e.getMessage() + "; wait for it to finish, then GET /api/v1/reconciliations/" + e.date());
        problem.setProperty("date", e.date().toString());
        return render(problem);
    }

    /** The PSP or its file let us down, not the caller: 502, and the run is recorded as FAILED. */
    @ExceptionHandler(SettlementFileException.class)
    ResponseEntity<ProblemDetail> settlementFile(SettlementFileException e) {
        return render(problem(HttpStatus.BAD_GATEWAY, "settlement-file-unavailable", "Settlement file unavailable",
                e.getMessage()));
    }

    @ExceptionHandler(TransientDataAccessException.class)
    ResponseEntity<ProblemDetail> databaseUnavailable(TransientDataAccessException e) {
        log.warn("Reconciliation request failed transiently: {}", e.toString());
        return render(problem(HttpStatus.SERVICE_UNAVAILABLE, "temporarily-unavailable", "Temporarily unavailable",
                "The reconciliation database is not reachable right now; retry later"));
    }

    /** Our own fault: logged with its stack trace, answered without internals. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected error while handling a reconciliation request", e);
        return render(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "An internal error occurred; a failed run changed nothing and can be started again"));
    }

    /** Spring's own refusals raised in our handlers (406, 415, ...) keep its problem detail, as problem+json. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        HttpHeaders problemHeaders = new HttpHeaders();
        problemHeaders.putAll(headers);
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(body, problemHeaders, statusCode);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }

    private static ResponseEntity<ProblemDetail> render(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
