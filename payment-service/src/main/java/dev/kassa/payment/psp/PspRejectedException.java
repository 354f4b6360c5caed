package dev.kassa.payment.psp;

/**
 * The PSP refused the request itself (400 invalid request, 404 unknown id, idempotency_error): asking
 * again cannot help, so the charge or refund is recorded as failed with the PSP's code.
 */
public class PspRejectedException extends RuntimeException {

    private final int httpStatus;
    private final String code;

    public PspRejectedException(int httpStatus, String code, String message) {
        super("PSP refused the request (" + httpStatus + " " + code + "): " + message);
        this.httpStatus = httpStatus;
        this.code = code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The PSP's error code, e.g. {@code amount_too_large}; {@code psp_rejected} when it gave none. */
    public String code() {
        return code;
    }
}
