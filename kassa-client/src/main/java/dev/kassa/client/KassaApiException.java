package dev.kassa.client;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * payment-service answered with an error, as a problem detail (docs/errors.md). Subclasses for the kinds a caller acts
 * on: {@link InvalidRequestException} (400), {@link UnauthenticatedException} (401), {@link ForbiddenException} (403),
 * {@link NotFoundException} (404), {@link ConflictException} (409), {@link UnprocessableRequestException} and its
 * {@link RefundExceedsRefundableException} (422), {@link RateLimitedException} (429), {@link ServerErrorException} (5xx)
 * and its {@link ServiceUnavailableException} (503); this class itself for anything else (405, 413, ...). A 5xx is only
 * thrown once the retry policy is spent (for requests it may repeat); a 4xx is never repeated.
 */
public class KassaApiException extends KassaException {

    private final String method;
    private final String path;
    private final int status;
    private final Problem problem;
    private final ProblemKind kind;
    private final Duration retryAfter;
    private final String requestId;
    private final int attempts;

    /**
     * @param path       the API path with its query (never the host or the key)
     * @param status     the HTTP status
     * @param retryAfter the answer's {@code Retry-After}, or null
     * @param requestId  the answer's {@code X-Request-Id} (the server logs and audits it), or null
     * @param attempts   how many requests were sent
     */
    public KassaApiException(String method, String path, int status, Problem problem, Duration retryAfter,
                             String requestId, int attempts) {
        super(message(method, path, status, problem));
        this.method = method;
        this.path = path;
        this.status = status;
        this.problem = problem;
        this.kind = ProblemKind.of(problem.type(), status);
        this.retryAfter = retryAfter;
        this.requestId = requestId;
        this.attempts = attempts;
    }

    /** The exception for {@code problem}'s kind. */
    static KassaApiException of(String method, String path, int status, Problem problem, Duration retryAfter,
                                String requestId, int attempts) {
        return switch (ProblemKind.of(problem.type(), status)) {
            case INVALID_REQUEST, INVALID_WEBHOOK ->
                    new InvalidRequestException(method, path, status, problem, retryAfter, requestId, attempts);
            case UNAUTHENTICATED ->
                    new UnauthenticatedException(method, path, status, problem, retryAfter, requestId, attempts);
            case FORBIDDEN -> new ForbiddenException(method, path, status, problem, retryAfter, requestId, attempts);
            case NOT_FOUND -> new NotFoundException(method, path, status, problem, retryAfter, requestId, attempts);
            case CONFLICT -> new ConflictException(method, path, status, problem, retryAfter, requestId, attempts);
            case REFUND_EXCEEDS_REFUNDABLE ->
                    new RefundExceedsRefundableException(method, path, status, problem, retryAfter, requestId, attempts);
            case UNPROCESSABLE_REQUEST ->
                    new UnprocessableRequestException(method, path, status, problem, retryAfter, requestId, attempts);
            case RATE_LIMITED -> new RateLimitedException(method, path, status, problem, retryAfter, requestId, attempts);
            case TEMPORARILY_UNAVAILABLE ->
                    new ServiceUnavailableException(method, path, status, problem, retryAfter, requestId, attempts);
            case INTERNAL_ERROR, SETTLEMENT_FILE_UNAVAILABLE ->
                    new ServerErrorException(method, path, status, problem, retryAfter, requestId, attempts);
            case BODY_TOO_LARGE, OTHER -> status >= 500
                    ? new ServerErrorException(method, path, status, problem, retryAfter, requestId, attempts)
                    : new KassaApiException(method, path, status, problem, retryAfter, requestId, attempts);
        };
    }

    private static String message(String method, String path, int status, Problem problem) {
        String what = problem.detail() != null ? problem.detail() : problem.title();
        return method + " " + path + " answered " + status + " (" + problem.type() + ")"
                + (what == null ? "" : ": " + what);
    }

    public String method() {
        return method;
    }

    /** The API path with its query; never the host or the key. */
    public String path() {
        return path;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    public Problem problem() {
        return problem;
    }

    public ProblemKind kind() {
        return kind;
    }

    public String type() {
        return problem.type();
    }

    public String title() {
        return problem.title();
    }

    public String detail() {
        return problem.detail();
    }

    /** Every refused field with its reason; empty when the problem names none. */
    public List<Problem.FieldError> errors() {
        return problem.errors();
    }

    /** How long the server asked the caller to wait ({@code Retry-After}, on 429 and 503). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The answer's {@code X-Request-Id}: quote it to support, it leads to the server's log lines and audit rows. */
    public String requestId() {
        return requestId;
    }

    public int attempts() {
        return attempts;
    }
}
