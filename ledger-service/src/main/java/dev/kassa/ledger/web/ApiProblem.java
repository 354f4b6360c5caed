package dev.kassa.ledger.web;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;

/** A refusal that the API answers as an RFC 9457 problem detail naming the field and the reason. */
public class ApiProblem extends RuntimeException {

    private static final String TYPE_BASE = "https://kassa.dev/problems/";

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final FieldViolation violation;

    private ApiProblem(HttpStatus status, String type, String title, FieldViolation violation, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.violation = violation;
    }

    /** 400: a parameter is malformed or out of range. */
    public static ApiProblem invalidRequest(String field, String reason) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                new FieldViolation(field, reason), field + ": " + reason);
    }

    /** 404: well-formed id of something that does not exist. */
    public static ApiProblem notFound(String field, String id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                new FieldViolation(field, "unknown"), "no " + field + " '" + id + "'");
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
        return List.of(violation);
    }
}
