package dev.kassa.client;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A checkout's status: {@code PROCESSING} until every order is final and every succeeded one is booked by wallet and
 * ledger, then {@code COMPLETED} (back to {@code PROCESSING} while a failed order is retried). A value this client does
 * not know yet (a newer server) reads as {@link #UNKNOWN}.
 */
public enum CheckoutStatus {
    PROCESSING,
    COMPLETED,
    UNKNOWN;

    @JsonCreator
    public static CheckoutStatus of(String value) {
        return KnownValues.of(CheckoutStatus.class, value, UNKNOWN);
    }
}
