package dev.kassa.web;

import dev.kassa.web.validation.PanDetector;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.core.NestedRuntimeException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one error handler of every Kassa service, for its own controllers and the libraries' (the dead-letter
 * endpoints of the messaging module) alike: every error leaves as an RFC 9457 problem detail
 * ({@code application/problem+json}) of a {@link ProblemType}, input errors with {@code errors: [{field,
 * reason}]}. Bad input is always a 4xx; only a fault of ours is a 500, logged here once with its stack trace
 * and answered without internals. Spring MVC's own refusals keep Spring's problem detail (the
 * {@link ResponseEntityExceptionHandler} base). Being the only advice, no other handler can take an exception
 * meant for it or leave one unanswered.
 */
@RestControllerAdvice
public class KassaProblemHandler extends ResponseEntityExceptionHandler {

    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final Logger log = LoggerFactory.getLogger(KassaProblemHandler.class);
    private static final URI NO_INSTANCE = URI.create("about:blank");

    /** Bean Validation of a {@code @Valid @RequestBody} record. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return answer(KassaProblem.invalid(errorsOf(ex.getBindingResult())), request);
    }

    /** Bean Validation of path variables and query parameters ({@code @KassaId @PathVariable String id}). */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            if (result instanceof org.springframework.validation.method.ParameterErrors bound) {
                errors.addAll(errorsOf(bound));
            } else {
                String field = parameterName(result.getMethodParameter());
                result.getResolvableErrors().forEach(error -> errors.add(new FieldViolation(field, reason(error))));
            }
        });
        return answer(KassaProblem.invalid(sorted(errors)), request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return answer(KassaProblem.invalid(ex.getParameterName(), "is required"), request);
    }

    /** A query parameter or path variable that is not of its type ({@code limit=ten}). */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException argument
                ? parameterName(argument.getParameter()) : FieldNames.snakeCase(ex.getPropertyName());
        Class<?> type = ex.getRequiredType();
        boolean whole = type != null && (type == int.class || type == long.class || type == Integer.class
                || type == Long.class);
        return answer(KassaProblem.invalid(field, whole ? "must be a whole number" : "has the wrong type"), request);
    }

    /** A body that could not be read: too large, malformed, of the wrong shape. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return answer(unreadable(ex), request);
    }

    /**
     * The database did not answer in time, is unreachable, or no pooled connection came free in time (inside a
     * transaction {@code CannotCreateTransactionException}, outside one spring-jdbc's
     * {@code CannotGetJdbcConnectionException}, a {@link DataAccessResourceFailureException}): nothing the caller did
     * wrong, and worth retrying.
     */
    @ExceptionHandler({TransientDataAccessException.class, DataAccessResourceFailureException.class,
            CannotCreateTransactionException.class})
    ResponseEntity<Object> temporarilyUnavailable(NestedRuntimeException ex, WebRequest request) {
        log.warn("A request failed transiently: {}", ex.toString());
        return answer(new KassaProblem(ProblemType.TEMPORARILY_UNAVAILABLE,
                "the database is not reachable right now; send the same request again later"), request);
    }

    /**
     * PostgreSQL's {@code lock_not_available} (SQL state 55P03: a {@code lock_timeout} ran out, as a webhook's does
     * while the executor holds its order) is as transient as a timeout, but spring-jdbc leaves it uncategorized;
     * any other database failure is our fault.
     */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<Object> database(DataAccessException ex, WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                return temporarilyUnavailable(ex, request);
            }
        }
        return unexpected(ex, request);
    }

    /**
     * Spring Security's firewall, when it meets a bad parameter name (a control character) only once a handler
     * reads every name: the caller's fault, as when the firewall refuses the path itself.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejected(RequestRejectedException ex, WebRequest request) {
        return answer(KassaProblem.invalid("request", "holds a character no parameter may hold"), request);
    }

    /** Our own fault: logged once with its stack trace, answered without internals. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        BodyTooLargeException tooLarge = BodyTooLargeException.in(ex);
        if (tooLarge != null) {
            // A body read by hand (or as raw bytes) ran into the limit.
            return answer(KassaProblem.bodyTooLarge(tooLarge.limitBytes()), request);
        }
        log.error("Unexpected error while handling a request", ex);
        return answer(new KassaProblem(ProblemType.INTERNAL_ERROR,
                "an internal error occurred; nothing was changed that the caller cannot safely retry"), request);
    }

    /** Maps a body that could not be read to the problem that tells the client why. */
    static KassaProblem unreadable(Throwable ex) {
        BodyTooLargeException tooLarge = BodyTooLargeException.in(ex);
        if (tooLarge != null) {
            return KassaProblem.bodyTooLarge(tooLarge.limitBytes());
        }
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof ControlCharacterException control) {
                return KassaProblem.invalid(FieldNames.of(control.getPath()), ControlCharacterException.REASON);
            }
            if (cause instanceof UnrecognizedPropertyException unknown) {
                if (PanDetector.containsPan(unknown.getPropertyName())) {
                    return KassaProblem.invalid(FieldNames.BODY, "has an unknown field whose name looks like a card number");
                }
                return KassaProblem.invalid(FieldNames.of(unknown.getPath()), "is not a known field");
            }
            if (cause instanceof StreamReadException malformed) {
                String where = malformed.getLocation() == null ? ""
                        : " at line " + malformed.getLocation().getLineNr()
                                + ", column " + malformed.getLocation().getColumnNr();
                String what = String.valueOf(malformed.getOriginalMessage()).startsWith("Duplicate")
                        ? "has a duplicate key" : "is malformed JSON";
                return KassaProblem.invalid(FieldNames.BODY, what + where);
            }
            if (cause instanceof MismatchedInputException mismatch) {
                String field = FieldNames.of(mismatch.getPath());
                if (field.equals(FieldNames.BODY)) {
                    return KassaProblem.invalid(field, "must be a JSON object");
                }
                return KassaProblem.invalid(field, mismatch.getTargetType() == String.class
                        ? "must be a JSON string" : "has the wrong JSON type");
            }
            if (cause instanceof JacksonException other) {
                return KassaProblem.invalid(FieldNames.of(other.getPath()), "has the wrong JSON type");
            }
        }
        return KassaProblem.invalid(FieldNames.BODY, "is missing or not readable as JSON");
    }

    /**
     * Every problem leaves here: {@code application/problem+json}, and an {@code instance} that is the request
     * path with anything like a card number masked (Spring would echo the raw path).
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getInstance() == null) {
            problem.setInstance(instance(request));
        }
        HttpHeaders problemHeaders = new HttpHeaders();
        problemHeaders.putAll(headers);
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(body, problemHeaders, statusCode);
    }

    private ResponseEntity<Object> answer(KassaProblem problem, WebRequest request) {
        return handleExceptionInternal(problem, problem.getBody(), problem.getHeaders(), problem.getStatusCode(),
                request);
    }

    private static URI instance(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? instance(servlet.getRequest()) : NO_INSTANCE;
    }

    /** The request path as a problem's {@code instance}, anything like a card number masked. */
    public static URI instance(HttpServletRequest request) {
        try {
            return URI.create(PanDetector.mask(request.getRequestURI()));
        } catch (IllegalArgumentException notAUri) {
            return NO_INSTANCE;
        }
    }

    private static List<FieldViolation> errorsOf(Errors result) {
        List<FieldViolation> errors = new ArrayList<>();
        for (ObjectError error : result.getAllErrors()) {
            String field = error instanceof FieldError fieldError
                    ? FieldNames.snakeCase(fieldError.getField()) : FieldNames.BODY;
            errors.add(new FieldViolation(field, reason(error)));
        }
        return sorted(errors);
    }

    /** Bean Validation reports in no particular order; clients and tests get them sorted by field. */
    private static List<FieldViolation> sorted(List<FieldViolation> errors) {
        return errors.stream().sorted(Comparator.comparing(FieldViolation::field)
                .thenComparing(FieldViolation::reason)).toList();
    }

    private static String reason(MessageSourceResolvable error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    /** The name the client used: {@code @PathVariable("account_id")}, {@code @RequestParam}, or the Java name. */
    private static String parameterName(MethodParameter parameter) {
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null) {
            return named(path.name(), path.value(), parameter);
        }
        RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
        if (query != null) {
            return named(query.name(), query.value(), parameter);
        }
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null) {
            return named(header.name(), header.value(), parameter);
        }
        return FieldNames.snakeCase(parameter.getParameterName());
    }

    private static String named(String name, String value, MethodParameter parameter) {
        if (!name.isEmpty()) {
            return name;
        }
        return value.isEmpty() ? FieldNames.snakeCase(parameter.getParameterName()) : value;
    }
}
