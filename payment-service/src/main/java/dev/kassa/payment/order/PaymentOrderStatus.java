package dev.kassa.payment.order;

/**
 * docs/architecture.md §6: {@code NOT_STARTED → EXECUTING → SUCCEEDED | FAILED}; {@code FAILED → NOT_STARTED} on a manual retry.
 */
public enum PaymentOrderStatus {
    NOT_STARTED,
    EXECUTING,
    SUCCEEDED,
    FAILED;

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED;
    }
}
