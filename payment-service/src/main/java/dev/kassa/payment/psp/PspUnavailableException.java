package dev.kassa.payment.psp;

/** Timeouts, connection failures, 5xx and 429: the failures that count against the PSP's circuit breaker. */
public class PspUnavailableException extends PspRetryableException {

    public PspUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public PspUnavailableException(String message) {
        super(message);
    }
}
