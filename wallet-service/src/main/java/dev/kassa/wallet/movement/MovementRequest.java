package dev.kassa.wallet.movement;

import java.time.Instant;
import java.util.Objects;

/**
 * One money movement asked for by a {@code payment.results} event, already validated: a positive amount in
 * minor units of a supported currency; a debit is a refund's or a dispute's withdrawn funds (exactly one of
 * {@code refundId}, {@code disputeId}), a credit a payment's or a won dispute's reinstated funds ({@code disputeId}).
 *
 * @param sourceEventId the event's {@code event_id}: the movement's unique business key
 * @param merchantId    the seller's merchant, from a credit's event (schema v2); null when the event names none
 * @param disputeId     the dispute whose funds move (docs/architecture.md §15); null for payments and refunds
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
        String merchantId,
        String disputeId) {

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
        if (refundId != null && (kind != MovementKind.DEBIT || disputeId != null)) {
            throw new IllegalArgumentException("a refund id belongs to a refund's debit only");
        }
        if (kind == MovementKind.DEBIT && refundId == null && disputeId == null) {
            throw new IllegalArgumentException("a debit needs a refund id or a dispute id");
        }
    }

    /** A payment's credit or a refund's debit. */
    public MovementRequest(String sourceEventId, MovementKind kind, String accountId, String currency, long amountMinor,
                           String paymentOrderId, String checkoutId, String refundId, Instant occurredAt,
                           String merchantId) {
        this(sourceEventId, kind, accountId, currency, amountMinor, paymentOrderId, checkoutId, refundId, occurredAt,
                merchantId, null);
    }

    /** A movement whose event names no merchant: every debit, and credits from before merchants existed. */
    public MovementRequest(String sourceEventId, MovementKind kind, String accountId, String currency, long amountMinor,
                           String paymentOrderId, String checkoutId, String refundId, Instant occurredAt) {
        this(sourceEventId, kind, accountId, currency, amountMinor, paymentOrderId, checkoutId, refundId, occurredAt,
                null, null);
    }

    /** The change to the balance: positive for a credit, negative for a debit. */
    public long signedAmountMinor() {
        return kind.signed(amountMinor);
    }
}
