package dev.kassa.wallet.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A page of movements, newest first; {@code next_cursor} is null on the last page. */
record MovementPage(
        @JsonProperty("account_id") String accountId,
        @JsonProperty("movements") List<MovementView> movements,
        @JsonProperty("next_cursor") String nextCursor) {
}
