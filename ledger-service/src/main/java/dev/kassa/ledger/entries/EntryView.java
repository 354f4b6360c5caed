package dev.kassa.ledger.entries;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One journal entry with its lines, as the entries API shows it. Amounts as minor units and as decimals. */
record EntryView(
        @JsonProperty("id") UUID id,
        @JsonProperty("payment_order_id") String paymentOrderId,
        @JsonProperty("kind") String kind,
        @JsonProperty("refund_id") String refundId,
        @JsonProperty("dispute_id") String disputeId,
        @JsonProperty("checkout_id") String checkoutId,
        @JsonProperty("seller_id") String sellerId,
        @JsonProperty("source_event_id") String sourceEventId,
        @JsonProperty("occurred_at") Instant occurredAt,
        @JsonProperty("recorded_at") Instant recordedAt,
        @JsonProperty("lines") List<Line> lines) {

    public record Line(
            @JsonProperty("line_no") int lineNo,
            @JsonProperty("account_id") String accountId,
            @JsonProperty("side") String side,
            @JsonProperty("amount") String amount,
            @JsonProperty("amount_minor") long amountMinor,
            @JsonProperty("currency") String currency) {
    }
}
