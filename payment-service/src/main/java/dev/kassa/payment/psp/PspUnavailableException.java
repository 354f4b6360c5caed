package dev.kassa.payment.psp;

/**
 * Timeouts, connection failures and 5xx: a PSP that does not answer, the failures that count against the PSP's
 * circuit breaker (a 429 does not: {@link PspOverloadedException}).
 */
public class PspUnavailableException extends PspRetryableException {

    public PspUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public PspUnavailableException(String message) {
        super(message);
    }
}
