package dev.kassa.wallet.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** {@code GET /api/v1/wallets?below_zero=true}: the most negative balances first, and how many there are. */
record BelowZeroBalances(
        @Schema(description = "How many balances are below zero in all (the list is capped by `limit`)")
        @JsonProperty("total") long total,
        @JsonProperty("balances") List<BelowZeroBalanceView> balances) {
}
