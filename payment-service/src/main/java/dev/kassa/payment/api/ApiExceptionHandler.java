package dev.kassa.payment.api;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error of the API as an RFC 9457 problem detail ({@code application/problem+json}) that names the
 * field and the reason. Bad input is always a 4xx; only a fault of ours is a 500, and it reveals nothing.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> response = render(problem);
        // Set here, or Spring would echo the raw request path, which may carry what looked like a card number.
        try {
            response.getBody().setInstance(URI.create(PanDetector.mask(request.getRequestURI())));
        } catch (IllegalArgumentException notAUri) {
            response.getBody().setInstance(URI.create("about:blank"));
        }
        return response;
    }

    /** Binding a parsed body to a request type failed (unknown field, wrong shape). */
    @ExceptionHandler(JacksonException.class)
    ResponseEntity<ProblemDetail> unbindable(JacksonException ex, HttpServletRequest request) {
        return apiProblem(unreadable(ex), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (request instanceof ServletWebRequest servlet) {
            return asObject(apiProblem(unreadable(ex), servlet.getRequest()));
        }
        return asObject(render(unreadable(ex)));
    }

    /** Our own fault: logged with its stack trace, answered without internals. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        log.error("Unexpected error while handling a request", ex);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "an internal error occurred; nothing was changed that the caller cannot safely retry");
        body.setTitle("Internal error");
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    /** Maps a body that could not be read to the problem that tells the client why. */
    static ApiProblem unreadable(Throwable ex) {
        // The size limit first: it surfaces deep inside whichever reader was consuming the body.
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return ApiProblem.payloadTooLarge(tooLarge.limitBytes());
            }
        }
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnrecognizedPropertyException unknown) {
                return ApiProblem.invalidRequest(JsonPaths.of(unknown.getPath()), "unknown field");
            }
            if (cause instanceof StreamReadException malformed) {
                String where = malformed.getLocation() == null ? ""
                        : " at line " + malformed.getLocation().getLineNr()
                                + ", column " + malformed.getLocation().getColumnNr();
                return ApiProblem.invalidRequest("body", "malformed JSON" + where);
            }
            if (cause instanceof JacksonException mismatch) {
                return ApiProblem.invalidRequest(JsonPaths.of(mismatch.getPath()), "has the wrong JSON type");
            }
        }
        return ApiProblem.invalidRequest("body", "missing or unreadable JSON body");
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        // Spring's own refusals (405, 415, 406, ...) keep its problem detail, with the problem media type.
        HttpHeaders problemHeaders = new HttpHeaders();
        problemHeaders.putAll(headers);
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(body, problemHeaders, statusCode);
    }

    static ResponseEntity<ProblemDetail> render(ApiProblem problem) {
        return ResponseEntity.status(problem.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(toProblemDetail(problem));
    }

    static ProblemDetail toProblemDetail(ApiProblem problem) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
        body.setType(problem.type());
        body.setTitle(problem.title());
        List<Map<String, String>> errors = problem.violations().stream()
                .map(v -> Map.of("field", v.field(), "reason", v.reason()))
                .toList();
        body.setProperty("errors", errors);
        return body;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> entity) {
        return (ResponseEntity) entity;
    }
}
