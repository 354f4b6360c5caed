package dev.kassa.reconciliation.report;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The head of a report. {@code status} is that of the latest run; the figures are those of the last
 * completed one (a failed or running rerun leaves them as they were).
 */
public record ReportSummary(
        LocalDate date,
        String status,
        String trigger,
        Instant startedAt,
        Instant finishedAt,
        long rowsRead,
        long matchedCount,
        long discrepancyCount,
        long malformedCount,
        String error) {
}
