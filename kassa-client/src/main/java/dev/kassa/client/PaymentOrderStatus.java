package dev.kassa.client;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A payment order's status as the API shows it. The stored states are {@code NOT_STARTED → EXECUTING → SUCCEEDED |
 * FAILED} ({@code FAILED → NOT_STARTED} on a retry); a succeeded order that was refunded shows
 * {@code PARTIALLY_REFUNDED} or {@code REFUNDED}, one under dispute {@code DISPUTED}, and one whose dispute was lost or
 * accepted {@code CHARGED_BACK}. A value this client does not know yet reads as {@link #UNKNOWN}.
 */
public enum PaymentOrderStatus {
    NOT_STARTED,
    EXECUTING,
    SUCCEEDED,
    FAILED,
    PARTIALLY_REFUNDED,
    REFUNDED,
    DISPUTED,
    CHARGED_BACK,
    UNKNOWN;

    @JsonCreator
    public static PaymentOrderStatus of(String value) {
        return KnownValues.of(PaymentOrderStatus.class, value, UNKNOWN);
    }

    /** Whether the charge has its outcome: anything but {@code NOT_STARTED}, {@code EXECUTING} and {@code UNKNOWN}. */
    public boolean isResolved() {
        return this != NOT_STARTED && this != EXECUTING && this != UNKNOWN;
    }
}
