package dev.kassa.wallet.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A balance below zero: the seller owes refunded money back. */
record BelowZeroBalanceView(
        @JsonProperty("account_id") String accountId,
        @JsonProperty("currency") String currency,
        @JsonProperty("amount") String amount,
        @JsonProperty("amount_minor") long amountMinor,
        @JsonProperty("updated_at") Instant updatedAt) {
}
