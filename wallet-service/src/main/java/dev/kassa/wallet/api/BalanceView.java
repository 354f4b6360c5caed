package dev.kassa.wallet.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** One currency of a wallet: the decimal amount for people, the minor units for programs. */
record BalanceView(
        @Schema(example = "USD") @JsonProperty("currency") String currency,
        @Schema(description = "The balance as a decimal in the currency's minor units", example = "29.99")
        @JsonProperty("amount") String amount,
        @JsonProperty("amount_minor") long amountMinor) {
}
