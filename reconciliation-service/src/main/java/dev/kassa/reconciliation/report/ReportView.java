package dev.kassa.reconciliation.report;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/v1/reconciliations/{date}}. The discrepancy list is capped by the request's
 * {@code limit}; {@code discrepancy_count} is the full count and the CSV export has every finding.
 */
@Schema(description = "A day's report: the head of its latest run, the last completed run's figures, totals per"
        + " currency, its discrepancies (up to `limit`) and the PSP's lines it could not use (up to 1,000)")
record ReportView(
        @Schema(description = "The UTC day reconciled", example = "2026-11-20") LocalDate date,
        @Schema(description = ReportSummary.STATUS, allowableValues = {"RUNNING", "COMPLETED", "FAILED"})
        String status,
        @Schema(description = ReportSummary.TRIGGER, allowableValues = {"SCHEDULE", "API"}) String trigger,
        @Schema(nullable = true, description = ReportSummary.REQUESTED_BY) RequestedBy requestedBy,
        Instant startedAt,
        @Schema(nullable = true, description = "Null while the run is `RUNNING`") Instant finishedAt,
        @Schema(nullable = true, description = ReportSummary.ERROR) String error,
        @Schema(description = "Balance transactions the last completed run read") long rowsRead,
        @Schema(description = "Rows that agree on both sides") long matchedCount,
        @Schema(description = "Every discrepancy of the day; the list below may be capped") long discrepancyCount,
        @Schema(description = "Balance transactions that could not be used (`malformed_rows`)") long malformedCount,
        @Schema(description = "One per currency, in currency order") List<CurrencyTotal> totals,
        @Schema(description = "In type order, at most `limit`; the CSV export has them all")
        List<DiscrepancyView> discrepancies,
        @Schema(description = "True when `discrepancies` holds fewer than `discrepancy_count`")
        boolean discrepanciesTruncated,
        @Schema(description = "The first 1,000, by line number") List<MalformedRow> malformedRows) {
}
