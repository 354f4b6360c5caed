package dev.kassa.payment.webhook;

/** Why a webhook was refused; the reason tag of {@code kassa.payment.webhook.rejections}. */
enum WebhookRejection {
    MISSING_SIGNATURE("the Stripe-Signature header is missing"),
    MALFORMED_SIGNATURE("the Stripe-Signature header is not t=<seconds>,v1=<hex>"),
    BAD_SIGNATURE("no v1 signature matches the body with any configured secret"),
    EXPIRED("the signature timestamp is older than the tolerance"),
    FUTURE("the signature timestamp lies in the future beyond the tolerance"),
    MALFORMED_EVENT("the event is not a JSON object with id, type and data.object");

    private final String reason;

    WebhookRejection(String reason) {
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
