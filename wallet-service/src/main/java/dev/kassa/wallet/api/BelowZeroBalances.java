package dev.kassa.wallet.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code GET /api/v1/wallets?below_zero=true}: the most negative balances first, and how many there are. */
record BelowZeroBalances(
        @JsonProperty("total") long total,
        @JsonProperty("balances") List<BelowZeroBalanceView> balances) {
}
