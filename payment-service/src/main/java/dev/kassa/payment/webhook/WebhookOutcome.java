package dev.kassa.payment.webhook;

/** What an accepted webhook did; every one is acknowledged with a 2xx so the PSP stops redelivering. */
enum WebhookOutcome {
    /** It changed a payment order or refund. */
    APPLIED,
    /** Ours, but already resolved or for an older attempt; or a type Kassa does not act on. */
    IGNORED,
    /** No payment order or refund of ours: kept with its payload for operators. */
    UNMATCHED,
    /** The same event id was received before. */
    DUPLICATE
}
