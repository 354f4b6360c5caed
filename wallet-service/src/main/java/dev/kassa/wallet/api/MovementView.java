package dev.kassa.wallet.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One movement. {@code amount} is always positive, {@code kind} says its direction; {@code balance_after}
 * is the balance in that currency right after it and may be negative after a refund or a dispute. A debit names its
 * refund or its dispute, a credit its dispute when it is a won dispute's money back.
 */
record MovementView(
        @JsonProperty("movement_id") UUID movementId,
        @Schema(allowableValues = {"CREDIT", "DEBIT"}) @JsonProperty("kind") String kind,
        @JsonProperty("currency") String currency,
        @Schema(description = "Always positive; `kind` gives the direction", example = "12.50") @JsonProperty("amount") String amount,
        @JsonProperty("amount_minor") long amountMinor,
        @JsonProperty("balance_after") String balanceAfter,
        @Schema(description = "May be negative after a refund or a dispute") @JsonProperty("balance_after_minor") long balanceAfterMinor,
        @JsonProperty("payment_order_id") String paymentOrderId,
        @JsonProperty("checkout_id") String checkoutId,
        @Schema(nullable = true, description = "The refund a debit books") @JsonProperty("refund_id") String refundId,
        @Schema(nullable = true, description = "The dispute a debit (funds withdrawn) or credit (funds reinstated) books")
        @JsonProperty("dispute_id") String disputeId,
        @Schema(description = "The payment result event that made the movement (unique)") @JsonProperty("source_event_id") String sourceEventId,
        @JsonProperty("occurred_at") Instant occurredAt,
        @JsonProperty("recorded_at") Instant recordedAt) {
}
