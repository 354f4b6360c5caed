package dev.kassa.client;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A dispute's status: {@code NEEDS_RESPONSE → UNDER_REVIEW → WON | LOST}, or {@code ACCEPTED} when the merchant
 * conceded. It only moves forward. A value this client does not know yet reads as {@link #UNKNOWN} (and cannot be used
 * as a filter).
 */
public enum DisputeStatus {
    NEEDS_RESPONSE,
    UNDER_REVIEW,
    WON,
    LOST,
    ACCEPTED,
    UNKNOWN;

    @JsonCreator
    public static DisputeStatus of(String value) {
        return KnownValues.of(DisputeStatus.class, value, UNKNOWN);
    }

    public boolean isClosed() {
        return this == WON || this == LOST || this == ACCEPTED;
    }
}
