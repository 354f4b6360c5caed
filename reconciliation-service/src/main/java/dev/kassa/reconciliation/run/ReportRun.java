package dev.kassa.reconciliation.run;

import dev.kassa.web.security.AuditContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The report of one UTC day as its latest run left it: {@code status} and {@code runId} are that run's, the
 * figures those of the last completed one (a failed or running rerun leaves them as they were).
 *
 * <p>No {@code @Version}: nothing loads a run, changes it in Java and saves it back. Every change is one guarded
 * statement of {@link ReportRuns}, and {@code runId} fences them: a run that lost its date to another can
 * neither complete nor fail it.
 *
 * <p>{@code requestedBy} is who started the latest run (docs/architecture.md §11): actor, credential, client
 * address and request id; null on a report whose latest run started before that was recorded.
 */
@Table("reconciliation_report")
public record ReportRun(
        @Id LocalDate reportDate,
        UUID runId,
        ReportStatus status,
        RunTrigger trigger,
        Instant startedAt,
        Instant finishedAt,
        long rowsRead,
        long matchedCount,
        long discrepancyCount,
        long malformedCount,
        String error,
        @Embedded.Nullable(prefix = "requested_by_") AuditContext requestedBy) {
}
