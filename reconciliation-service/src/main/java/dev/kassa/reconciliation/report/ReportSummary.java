package dev.kassa.reconciliation.report;

import dev.kassa.reconciliation.run.ReportRun;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The head of a report. {@code status} is that of the latest run; the figures are those of the last
 * completed one (a failed or running rerun leaves them as they were); {@code requestedBy} is who started the
 * latest run.
 */
public record ReportSummary(
        LocalDate date,
        String status,
        String trigger,
        RequestedBy requestedBy,
        Instant startedAt,
        Instant finishedAt,
        long rowsRead,
        long matchedCount,
        long discrepancyCount,
        long malformedCount,
        String error) {

    static ReportSummary of(ReportRun run) {
        return new ReportSummary(run.reportDate(), run.status().name(), run.trigger().name(),
                RequestedBy.of(run.requestedBy()), run.startedAt(),
                run.finishedAt(), run.rowsRead(), run.matchedCount(), run.discrepancyCount(), run.malformedCount(),
                run.error());
    }
}
