package dev.kassa.wallet.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** {@code GET /api/v1/wallets/{account_id}}. {@code updated_at} is the time of the latest movement. */
record WalletView(
        @JsonProperty("account_id") String accountId,
        @JsonProperty("balances") List<BalanceView> balances,
        @JsonProperty("updated_at") Instant updatedAt) {
}
