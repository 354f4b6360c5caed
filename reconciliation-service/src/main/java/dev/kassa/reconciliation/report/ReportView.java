package dev.kassa.reconciliation.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/v1/reconciliations/{date}}. The discrepancy list is capped by the request's
 * {@code limit}; {@code discrepancy_count} is the full count and the CSV export has every finding.
 */
record ReportView(
        LocalDate date,
        String status,
        String trigger,
        RequestedBy requestedBy,
        Instant startedAt,
        Instant finishedAt,
        String error,
        long rowsRead,
        long matchedCount,
        long discrepancyCount,
        long malformedCount,
        List<CurrencyTotal> totals,
        List<DiscrepancyView> discrepancies,
        boolean discrepanciesTruncated,
        List<MalformedRow> malformedRows) {
}
