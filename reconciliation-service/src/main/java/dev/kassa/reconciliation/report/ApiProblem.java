package dev.kassa.reconciliation.report;

import org.springframework.http.HttpStatus;

/**
 * A refusal of a request: a status, a problem type and the field at fault with the reason, rendered as an
 * RFC 9457 problem detail by {@link ReconciliationProblems}.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final String field;
    private final String reason;

    private ApiProblem(HttpStatus status, String type, String title, String field, String reason, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.field = field;
        this.reason = reason;
    }

    /** 400: the field is missing or not in the accepted form. */
    public static ApiProblem invalid(String field, String reason) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", field, reason,
                field + " " + reason);
    }

    /** 422: well formed but not acceptable (a date in the future). */
    public static ApiProblem unprocessable(String field, String reason) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "unprocessable-request", "Unprocessable request",
                field, reason, field + " " + reason);
    }

    public static ApiProblem tooLarge(int limitBytes) {
        return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large", "body",
                "is larger than " + limitBytes + " bytes", "body is larger than " + limitBytes + " bytes");
    }

    public static ApiProblem notFound(String field, String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "reconciliation-not-found", "Reconciliation not found", field,
                "has no reconciliation report", detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
