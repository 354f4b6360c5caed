package dev.kassa.ledger.entries;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A page of entries in posting order; {@code next_cursor} is null on the last page. */
record EntriesPage(
        @JsonProperty("entries") List<EntryView> entries,
        @Schema(nullable = true, description = "Pass as `cursor` for the next page; null on the last page",
                example = "ZToxNw") @JsonProperty("next_cursor") String nextCursor) {
}
