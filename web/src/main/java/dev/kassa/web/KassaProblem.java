package dev.kassa.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refusal answered as an RFC 9457 problem detail of one of the {@link ProblemType}s: Spring's own
 * {@link ErrorResponseException}, so Spring MVC renders it wherever it is thrown. Input errors carry
 * {@code errors: [{field, reason}]}; the {@code detail} repeats them in one line for humans.
 */
public class KassaProblem extends ErrorResponseException {

    public static final String ERRORS = "errors";
    private static final int DETAILED_ERRORS = 5;

    private final ProblemType type;
    private final List<FieldViolation> errors;

    public KassaProblem(ProblemType type, String detail, List<FieldViolation> errors, Throwable cause) {
        super(type.status(), problemDetail(type, detail, errors), cause);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public KassaProblem(ProblemType type, String detail) {
        this(type, detail, List.of(), null);
    }

    /** A problem about one field: its detail is {@code field: reason}. */
    public KassaProblem(ProblemType type, String field, String reason) {
        this(type, List.of(new FieldViolation(field, reason)));
    }

    /** A problem about these fields: the detail names them all. */
    public KassaProblem(ProblemType type, List<FieldViolation> errors) {
        this(type, describe(errors), errors, null);
    }

    /** 400: a field, parameter or the body is invalid. */
    public static KassaProblem invalid(String field, String reason) {
        return new KassaProblem(ProblemType.INVALID_REQUEST, field, reason);
    }

    public static KassaProblem invalid(List<FieldViolation> errors) {
        return new KassaProblem(ProblemType.INVALID_REQUEST, errors);
    }

    /** 404: nothing has this well-formed id. */
    public static KassaProblem notFound(String field, String id) {
        return new KassaProblem(ProblemType.NOT_FOUND, "no resource with " + field + " '" + id + "'",
                List.of(new FieldViolation(field, "unknown")), null);
    }

    /** 409: the request contradicts what exists. */
    public static KassaProblem conflict(String field, String reason) {
        return new KassaProblem(ProblemType.CONFLICT, field, reason);
    }

    /** 422: well-formed, but a rule refuses it. */
    public static KassaProblem unprocessable(String field, String reason) {
        return new KassaProblem(ProblemType.UNPROCESSABLE_REQUEST, field, reason);
    }

    /** 413: the body is larger than the limit. */
    public static KassaProblem bodyTooLarge(long limitBytes) {
        return new KassaProblem(ProblemType.BODY_TOO_LARGE, "body", "is larger than " + limitBytes + " bytes");
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldViolation> errors() {
        return errors;
    }

    @Override
    public String getMessage() {
        return type.status().value() + " " + type.slug() + ": " + getBody().getDetail();
    }

    private static ProblemDetail problemDetail(ProblemType type, String detail, List<FieldViolation> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(type.status(), detail);
        body.setType(type.uri());
        body.setTitle(type.title());
        if (!errors.isEmpty()) {
            body.setProperty(ERRORS, errors.stream()
                    .map(error -> Map.of("field", error.field(), "reason", error.reason()))
                    .toList());
        }
        return body;
    }

    private static String describe(List<FieldViolation> errors) {
        if (errors.isEmpty()) {
            return "the request is invalid";
        }
        StringBuilder detail = new StringBuilder();
        for (FieldViolation error : errors.subList(0, Math.min(DETAILED_ERRORS, errors.size()))) {
            detail.append(detail.isEmpty() ? "" : "; ").append(error.field()).append(": ").append(error.reason());
        }
        if (errors.size() > DETAILED_ERRORS) {
            detail.append(" (and ").append(errors.size() - DETAILED_ERRORS).append(" more)");
        }
        return detail.toString();
    }
}
