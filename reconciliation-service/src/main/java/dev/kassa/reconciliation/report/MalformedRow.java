package dev.kassa.reconciliation.report;

import io.swagger.v3.oas.annotations.media.Schema;

/** A line of the settlement file that could not be used, and why. */
@Schema(description = "A balance transaction of the day the run could not use (never fails the run)")
record MalformedRow(
        @Schema(description = "Its position in the PSP's listing of the day, from 1") long lineNumber,
        @Schema(description = "Why it could not be used", example = "net is not amount - fee") String reason,
        @Schema(nullable = true, description = "The transaction's JSON as the PSP sent it") String raw) {
}
