package dev.kassa.reconciliation.run;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The life cycle of a report row: claimed (RUNNING), then COMPLETED or FAILED, each a guarded update. */
@Repository
class ReportRunRepository {

    private final JdbcClient jdbc;

    ReportRunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the date for this run: creates the report row, or takes over one that is not RUNNING (or whose
     * run has been RUNNING for longer than {@code staleAfter}, so a crashed run cannot block the date
     * forever). Committed on its own, so that other requests see RUNNING.
     *
     * @return false if another run holds the date
     */
    boolean claim(LocalDate date, UUID runId, RunTrigger trigger, Duration staleAfter) {
        return jdbc.sql("""
                        INSERT INTO reconciliation_report (report_date, run_id, status, trigger, started_at)
                        VALUES (:date, :run, 'RUNNING', :trigger, now())
                        ON CONFLICT (report_date) DO UPDATE
                           SET run_id = excluded.run_id, status = 'RUNNING', trigger = excluded.trigger,
                               started_at = excluded.started_at, finished_at = NULL, error = NULL
                         WHERE reconciliation_report.status <> 'RUNNING'
                            OR reconciliation_report.started_at < now() - make_interval(secs => :staleSeconds)""")
                .param("date", date)
                .param("run", runId)
                .param("trigger", trigger.name())
                .param("staleSeconds", (double) staleAfter.toSeconds())
                .update() == 1;
    }

    /** Marks this run's row COMPLETED with its figures; false if another run took the date over meanwhile. */
    boolean complete(LocalDate date, UUID runId, long rowsRead, long matched, long discrepancies, long malformed) {
        return jdbc.sql("""
                        UPDATE reconciliation_report
                           SET status = 'COMPLETED', finished_at = clock_timestamp(), rows_read = :rowsRead,
                               matched_count = :matched, discrepancy_count = :discrepancies, malformed_count = :malformed
                         WHERE report_date = :date AND run_id = :run AND status = 'RUNNING'""")
                .param("date", date)
                .param("run", runId)
                .param("rowsRead", rowsRead)
                .param("matched", matched)
                .param("discrepancies", discrepancies)
                .param("malformed", malformed)
                .update() == 1;
    }

    /** The run failed: its work was rolled back, the figures of the last completed run stay. */
    void fail(LocalDate date, UUID runId, String error) {
        jdbc.sql("""
                        UPDATE reconciliation_report SET status = 'FAILED', finished_at = clock_timestamp(), error = :error
                         WHERE report_date = :date AND run_id = :run AND status = 'RUNNING'""")
                .param("date", date)
                .param("run", runId)
                .param("error", error)
                .update();
    }

    /**
     * Second guard inside the run's transaction, held until it ends: even a run taken over as stale while it
     * was in fact still alive cannot write the same date concurrently.
     */
    boolean lockForTransaction(LocalDate date) {
        return Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtext('kassa.reconciliation'), :day)")
                .param("day", (int) date.toEpochDay())
                .query(Boolean.class).single());
    }
}
