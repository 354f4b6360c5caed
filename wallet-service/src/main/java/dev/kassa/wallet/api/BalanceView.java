package dev.kassa.wallet.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One currency of a wallet: the decimal amount for people, the minor units for programs. */
record BalanceView(
        @JsonProperty("currency") String currency,
        @JsonProperty("amount") String amount,
        @JsonProperty("amount_minor") long amountMinor) {
}
