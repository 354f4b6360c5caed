package dev.kassa.payment.webhook;

/** A webhook that is not provably from the PSP, or not an event: answered 400, nothing changes. */
class WebhookRejectedException extends RuntimeException {

    private final WebhookRejection rejection;

    public WebhookRejectedException(WebhookRejection rejection) {
        super(rejection.reason());
        this.rejection = rejection;
    }

    public WebhookRejection rejection() {
        return rejection;
    }
}
