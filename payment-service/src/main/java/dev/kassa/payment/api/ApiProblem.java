package dev.kassa.payment.api;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A refusal that the API answers as an RFC 9457 problem detail. Thrown by controllers and services;
 * {@link ApiExceptionHandler} renders it. Every refusal names the field it is about, when there is one.
 */
public class ApiProblem extends RuntimeException {

    private static final String TYPE_BASE = "https://kassa.dev/problems/";

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final List<FieldViolation> violations;

    public ApiProblem(HttpStatus status, String type, String title, String detail, List<FieldViolation> violations) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    /** 400: the request is malformed or a field is invalid. */
    public static ApiProblem invalidRequest(List<FieldViolation> violations) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", describe(violations), violations);
    }

    public static ApiProblem invalidRequest(String field, String reason) {
        return invalidRequest(List.of(new FieldViolation(field, reason)));
    }

    /** 404 for an unknown resource id. */
    public static ApiProblem notFound(String field, String id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                "no resource with " + field + " '" + id + "'", List.of(new FieldViolation(field, "unknown")));
    }

    /** 409: the request contradicts what already exists (an id reused with another body, a wrong state). */
    public static ApiProblem conflict(String field, String reason) {
        return new ApiProblem(HttpStatus.CONFLICT, "conflict", "Conflict", field + ": " + reason,
                List.of(new FieldViolation(field, reason)));
    }

    /** 422: well-formed, but a business rule refuses it (e.g. a refund above the refundable rest). */
    public static ApiProblem unprocessable(String type, String field, String reason) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, type, "Unprocessable request", field + ": " + reason,
                List.of(new FieldViolation(field, reason)));
    }

    /** 413: the body is larger than the configured limit. */
    public static ApiProblem payloadTooLarge(long limitBytes) {
        return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                "the request body is larger than " + limitBytes + " bytes", List.of(new FieldViolation("body",
                        "larger than " + limitBytes + " bytes")));
    }

    private static String describe(List<FieldViolation> violations) {
        if (violations.isEmpty()) {
            return "the request is invalid";
        }
        FieldViolation first = violations.getFirst();
        String more = violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : "";
        return first.field() + ": " + first.reason() + more;
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return URI.create(TYPE_BASE + type);
    }

    public String title() {
        return title;
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
