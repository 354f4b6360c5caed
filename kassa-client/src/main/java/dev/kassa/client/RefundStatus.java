package dev.kassa.client;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A refund's status: {@code REQUESTED → (PENDING →) SUCCEEDED | FAILED}, {@code PENDING} while the PSP settles it
 * asynchronously. A value this client does not know yet reads as {@link #UNKNOWN}.
 */
public enum RefundStatus {
    REQUESTED,
    PENDING,
    SUCCEEDED,
    FAILED,
    UNKNOWN;

    @JsonCreator
    public static RefundStatus of(String value) {
        return KnownValues.of(RefundStatus.class, value, UNKNOWN);
    }

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED;
    }
}
