package dev.kassa.web;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * Every problem type a Kassa API answers with, one URI each ({@code https://kassa.dev/problems/<slug>}); the
 * list a client can rely on, documented in docs/errors.md (a test keeps the two in step). Spring MVC's own
 * refusals of a request it cannot route (405, 406, 415, unknown path) keep {@code about:blank}, whose meaning
 * is the status code itself (RFC 9457 §4.2.1).
 */
public enum ProblemType {

    /** A field, parameter or the body is missing, malformed or out of range; {@code errors} names each. */
    INVALID_REQUEST("invalid-request", "Invalid request", HttpStatus.BAD_REQUEST),
    /** A PSP webhook without a valid signature, or one whose event cannot be read. */
    INVALID_WEBHOOK("invalid-webhook", "Webhook rejected", HttpStatus.BAD_REQUEST),
    /** No credentials, or a key or token that is unknown, revoked or expired. */
    UNAUTHENTICATED("unauthenticated", "Authentication required", HttpStatus.UNAUTHORIZED),
    /** Authenticated, but the caller's role does not allow the request. */
    FORBIDDEN("forbidden", "Forbidden", HttpStatus.FORBIDDEN),
    /** A well-formed id of something that does not exist (or belongs to another merchant). */
    NOT_FOUND("not-found", "Not found", HttpStatus.NOT_FOUND),
    /** The request contradicts what exists: an id reused with another body, a state that does not allow it. */
    CONFLICT("conflict", "Conflict", HttpStatus.CONFLICT),
    /** The body is larger than {@code kassa.web.max-body-bytes}. */
    BODY_TOO_LARGE("body-too-large", "Request body too large", HttpStatus.CONTENT_TOO_LARGE),
    /** Well-formed, but a rule refuses it (a date in the future). */
    UNPROCESSABLE_REQUEST("unprocessable-request", "Unprocessable request", HttpStatus.UNPROCESSABLE_CONTENT),
    /** A refund larger than what is left to refund on the payment order. */
    REFUND_EXCEEDS_REFUNDABLE("refund-exceeds-refundable", "Refund exceeds the refundable amount",
            HttpStatus.UNPROCESSABLE_CONTENT),
    /** Too many requests with one key, or too many failed authentications from one address; see Retry-After. */
    RATE_LIMITED("rate-limited", "Too many requests", HttpStatus.TOO_MANY_REQUESTS),
    /** A fault of ours; the answer reveals nothing else. */
    INTERNAL_ERROR("internal-error", "Internal error", HttpStatus.INTERNAL_SERVER_ERROR),
    /** The PSP's settlement file could not be fetched or read. */
    SETTLEMENT_FILE_UNAVAILABLE("settlement-file-unavailable", "Settlement file unavailable", HttpStatus.BAD_GATEWAY),
    /** The database or Kafka did not answer in time; the same request may simply be sent again. */
    TEMPORARILY_UNAVAILABLE("temporarily-unavailable", "Temporarily unavailable", HttpStatus.SERVICE_UNAVAILABLE);

    public static final String BASE = "https://kassa.dev/problems/";

    private final String slug;
    private final String title;
    private final HttpStatus status;

    ProblemType(String slug, String title, HttpStatus status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public HttpStatus status() {
        return status;
    }
}
