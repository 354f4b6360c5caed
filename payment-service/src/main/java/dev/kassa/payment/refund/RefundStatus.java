package dev.kassa.payment.refund;

/** {@code REQUESTED → (PENDING →) SUCCEEDED | FAILED}; PENDING while the PSP settles it asynchronously. */
public enum RefundStatus {
    REQUESTED,
    PENDING,
    SUCCEEDED,
    FAILED;

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED;
    }
}
