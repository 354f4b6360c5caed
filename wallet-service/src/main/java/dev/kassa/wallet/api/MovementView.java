package dev.kassa.wallet.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * One movement. {@code amount} is always positive, {@code kind} says its direction; {@code balance_after}
 * is the balance in that currency right after it and may be negative after a refund or a dispute. A debit names its
 * refund or its dispute, a credit its dispute when it is a won dispute's money back.
 */
record MovementView(
        @JsonProperty("movement_id") UUID movementId,
        @JsonProperty("kind") String kind,
        @JsonProperty("currency") String currency,
        @JsonProperty("amount") String amount,
        @JsonProperty("amount_minor") long amountMinor,
        @JsonProperty("balance_after") String balanceAfter,
        @JsonProperty("balance_after_minor") long balanceAfterMinor,
        @JsonProperty("payment_order_id") String paymentOrderId,
        @JsonProperty("checkout_id") String checkoutId,
        @JsonProperty("refund_id") String refundId,
        @JsonProperty("dispute_id") String disputeId,
        @JsonProperty("source_event_id") String sourceEventId,
        @JsonProperty("occurred_at") Instant occurredAt,
        @JsonProperty("recorded_at") Instant recordedAt) {
}
