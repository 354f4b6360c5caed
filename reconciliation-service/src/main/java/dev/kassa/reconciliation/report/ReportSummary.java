package dev.kassa.reconciliation.report;

import dev.kassa.reconciliation.run.ReportRun;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The head of a report. {@code status} is that of the latest run; the figures are those of the last
 * completed one (a failed or running rerun leaves them as they were); {@code requestedBy} is who started the
 * latest run.
 */
@Schema(description = "A day's report without its rows: its latest run and the last completed run's figures")
public record ReportSummary(
        @Schema(description = "The UTC day reconciled", example = "2026-11-20") LocalDate date,
        @Schema(description = STATUS, allowableValues = {"RUNNING", "COMPLETED", "FAILED"}) String status,
        @Schema(description = TRIGGER, allowableValues = {"SCHEDULE", "API"}) String trigger,
        @Schema(nullable = true, description = REQUESTED_BY) RequestedBy requestedBy,
        Instant startedAt,
        @Schema(nullable = true, description = "Null while the run is `RUNNING`") Instant finishedAt,
        long rowsRead,
        long matchedCount,
        long discrepancyCount,
        long malformedCount,
        @Schema(nullable = true, description = ERROR) String error) {

    static final String STATUS = "The latest run's: `RUNNING` (a run holds the day), `COMPLETED`, or `FAILED` (see"
            + " `error`; the figures stay the last completed run's)";
    static final String TRIGGER = "What started the latest run: the nightly `SCHEDULE` or a request to the `API`";
    static final String REQUESTED_BY = "Who started the latest run; null on a report whose latest run started before"
            + " requesters were recorded";
    static final String ERROR = "Why the latest run failed (`FAILED`), else null";

    static ReportSummary of(ReportRun run) {
        return new ReportSummary(run.reportDate(), run.status().name(), run.trigger().name(),
                RequestedBy.of(run.requestedBy()), run.startedAt(),
                run.finishedAt(), run.rowsRead(), run.matchedCount(), run.discrepancyCount(), run.malformedCount(),
                run.error());
    }
}
