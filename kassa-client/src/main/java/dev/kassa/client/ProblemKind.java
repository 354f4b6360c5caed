package dev.kassa.client;

/**
 * What went wrong, from the problem's {@code type} (docs/errors.md, payment-service's {@code ProblemType}); where the
 * type is {@code about:blank} or one this client does not know, from the HTTP status.
 */
public enum ProblemKind {
    INVALID_REQUEST("invalid-request", 400),
    INVALID_WEBHOOK("invalid-webhook", -1),
    UNAUTHENTICATED("unauthenticated", 401),
    FORBIDDEN("forbidden", 403),
    NOT_FOUND("not-found", 404),
    CONFLICT("conflict", 409),
    BODY_TOO_LARGE("body-too-large", 413),
    UNPROCESSABLE_REQUEST("unprocessable-request", 422),
    REFUND_EXCEEDS_REFUNDABLE("refund-exceeds-refundable", -1),
    RATE_LIMITED("rate-limited", 429),
    INTERNAL_ERROR("internal-error", 500),
    SETTLEMENT_FILE_UNAVAILABLE("settlement-file-unavailable", -1),
    TEMPORARILY_UNAVAILABLE("temporarily-unavailable", 503),
    /** A type and status this client does not know (a 405 {@code about:blank}, a proxy's 502, a newer server's type). */
    OTHER(null, -1);

    private final String slug;
    private final int status;

    ProblemKind(String slug, int status) {
        this.slug = slug;
        this.status = status;
    }

    /** The type's last segment ({@code conflict}); null for {@link #OTHER}. */
    public String slug() {
        return slug;
    }

    /** The kind of a problem of {@code type} answered with {@code status}. */
    public static ProblemKind of(String type, int status) {
        if (type != null && type.startsWith(Problem.TYPE_BASE)) {
            String slug = type.substring(Problem.TYPE_BASE.length());
            for (ProblemKind kind : values()) {
                if (slug.equals(kind.slug)) {
                    return kind;
                }
            }
        }
        for (ProblemKind kind : values()) {
            if (kind.status == status) {
                return kind;
            }
        }
        return OTHER;
    }
}
