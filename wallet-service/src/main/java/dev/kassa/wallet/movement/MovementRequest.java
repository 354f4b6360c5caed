package dev.kassa.wallet.movement;

import java.time.Instant;
import java.util.Objects;

/**
 * One money movement asked for by a {@code payment.results} event, already validated: a positive amount in
 * minor units of a supported currency, a refund id exactly for debits.
 *
 * @param sourceEventId the event's {@code event_id}: the movement's unique business key
 * @param merchantId    the seller's merchant, from a credit's event (schema v2); null when the event names none
 */
public record MovementRequest(
        String sourceEventId,
        MovementKind kind,
        String accountId,
        String currency,
        long amountMinor,
        String paymentOrderId,
        String checkoutId,
        String refundId,
        Instant occurredAt,
        String merchantId) {

    public MovementRequest {
        Objects.requireNonNull(sourceEventId, "sourceEventId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(paymentOrderId, "paymentOrderId");
        Objects.requireNonNull(checkoutId, "checkoutId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("amountMinor must be positive, was " + amountMinor);
        }
        if ((kind == MovementKind.DEBIT) != (refundId != null)) {
            throw new IllegalArgumentException("a debit needs a refund id and a credit has none");
        }
    }

    /** A movement whose event names no merchant: every debit, and credits from before merchants existed. */
    public MovementRequest(String sourceEventId, MovementKind kind, String accountId, String currency, long amountMinor,
                           String paymentOrderId, String checkoutId, String refundId, Instant occurredAt) {
        this(sourceEventId, kind, accountId, currency, amountMinor, paymentOrderId, checkoutId, refundId, occurredAt,
                null);
    }

    /** The change to the balance: positive for a credit, negative for a debit. */
    public long signedAmountMinor() {
        return kind.signed(amountMinor);
    }
}
