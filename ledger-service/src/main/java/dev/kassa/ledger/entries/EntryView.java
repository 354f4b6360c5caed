package dev.kassa.ledger.entries;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One journal entry with its lines, as the entries API shows it. Amounts as minor units and as decimals. */
record EntryView(
        @JsonProperty("id") UUID id,
        @JsonProperty("payment_order_id") String paymentOrderId,
        @Schema(allowableValues = {"PAYMENT", "REFUND", "DISPUTE_FUNDS_WITHDRAWN", "DISPUTE_FUNDS_REINSTATED"})
        @JsonProperty("kind") String kind,
        @Schema(nullable = true, description = "Set for a `REFUND`, null otherwise")
        @JsonProperty("refund_id") String refundId,
        @Schema(nullable = true, description = "Set for the dispute kinds, null otherwise")
        @JsonProperty("dispute_id") String disputeId,
        @JsonProperty("checkout_id") String checkoutId,
        @JsonProperty("seller_id") String sellerId,
        @Schema(description = "The id of the payment.results event the entry was posted from")
        @JsonProperty("source_event_id") String sourceEventId,
        @Schema(description = "When the payment, refund or dispute event happened")
        @JsonProperty("occurred_at") Instant occurredAt,
        @Schema(description = "When the ledger posted it") @JsonProperty("recorded_at") Instant recordedAt,
        @Schema(description = "Debits equal credits per currency") @JsonProperty("lines") List<Line> lines) {

    public record Line(
            @JsonProperty("line_no") int lineNo,
            @Schema(example = "psp_receivable") @JsonProperty("account_id") String accountId,
            @Schema(allowableValues = {"DEBIT", "CREDIT"}) @JsonProperty("side") String side,
            @Schema(description = "`amount_minor` as a decimal for the currency", example = "29.99")
            @JsonProperty("amount") String amount,
            @Schema(description = "Always positive; `side` gives the direction", example = "2999")
            @JsonProperty("amount_minor") long amountMinor,
            @Schema(example = "USD") @JsonProperty("currency") String currency) {
    }
}
