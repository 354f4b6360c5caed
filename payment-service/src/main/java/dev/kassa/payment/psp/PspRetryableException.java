package dev.kassa.payment.psp;

/**
 * The PSP could not answer now (timeout, 5xx, 429, its circuit open, the idempotency key still in use):
 * the caller retries later with the SAME idempotency key, so a charge that did happen is replayed, not
 * repeated. The executor lets it escape so that the record goes through the consumer group's retry topics.
 */
public class PspRetryableException extends RuntimeException {

    public PspRetryableException(String message, Throwable cause) {
        super(message, cause);
    }

    public PspRetryableException(String message) {
        super(message);
    }
}
