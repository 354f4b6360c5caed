package dev.kassa.wallet.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A page of movements, newest first; {@code next_cursor} is null on the last page. */
record MovementPage(
        @JsonProperty("account_id") String accountId,
        @JsonProperty("movements") List<MovementView> movements,
        @Schema(nullable = true, description = "Pass as `cursor` for the next page; null on the last page")
        @JsonProperty("next_cursor") String nextCursor) {
}
