package dev.kassa.ledger.entries;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A page of entries in posting order; {@code next_cursor} is null on the last page. */
record EntriesPage(
        @JsonProperty("entries") List<EntryView> entries,
        @JsonProperty("next_cursor") String nextCursor) {
}
