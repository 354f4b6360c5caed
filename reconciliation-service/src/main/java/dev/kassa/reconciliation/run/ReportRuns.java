package dev.kassa.reconciliation.run;

import dev.kassa.web.security.AuditContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/**
 * The reports, one per UTC day, and the life cycle of their runs: claimed (RUNNING), then COMPLETED or FAILED,
 * each transition one guarded statement that says whether it happened.
 */
public interface ReportRuns extends Repository<ReportRun, LocalDate> {

    Optional<ReportRun> findById(LocalDate reportDate);

    /** Newest first. */
    List<ReportRun> findAllByOrderByReportDateDesc(Limit limit);

    /**
     * Claims the date for run {@code runId}: creates the report row, or takes over one that is not RUNNING (or
     * whose run has been RUNNING for longer than {@code staleSeconds}, so a crashed run cannot block the date
     * forever), recording who asked for the run. One statement, so two runs claiming the same date at once cannot
     * both win. The caller commits it on its own, so that other requests see RUNNING.
     *
     * @return false if another run holds the date
     */
    default boolean claim(LocalDate reportDate, UUID runId, RunTrigger trigger, AuditContext requestedBy,
                          double staleSeconds) {
        return claim(reportDate, runId, trigger, requestedBy.actor(), requestedBy.credential(),
                requestedBy.clientAddress(), requestedBy.requestId(), staleSeconds);
    }

    @Modifying
    @Query("""
            INSERT INTO reconciliation_report (report_date, run_id, status, trigger, started_at, requested_by_actor,
                                               requested_by_credential, requested_by_client_address,
                                               requested_by_request_id)
            VALUES (:reportDate, :runId, 'RUNNING', :trigger, now(), :actor, :credential, :clientAddress, :requestId)
            ON CONFLICT (report_date) DO UPDATE
               SET run_id = excluded.run_id, status = 'RUNNING', trigger = excluded.trigger,
                   started_at = excluded.started_at, finished_at = NULL, error = NULL,
                   requested_by_actor = excluded.requested_by_actor,
                   requested_by_credential = excluded.requested_by_credential,
                   requested_by_client_address = excluded.requested_by_client_address,
                   requested_by_request_id = excluded.requested_by_request_id
             WHERE reconciliation_report.status <> 'RUNNING'
                OR reconciliation_report.started_at < now() - make_interval(secs => :staleSeconds)""")
    boolean claim(LocalDate reportDate, UUID runId, RunTrigger trigger, String actor, String credential,
                  String clientAddress, String requestId, double staleSeconds);

    /** RUNNING to COMPLETED with the run's figures; false if another run took the date over meanwhile. */
    @Modifying
    @Query("""
            UPDATE reconciliation_report
               SET status = 'COMPLETED', finished_at = clock_timestamp(), rows_read = :rowsRead,
                   matched_count = :matched, discrepancy_count = :discrepancies, malformed_count = :malformed
             WHERE report_date = :reportDate AND run_id = :runId AND status = 'RUNNING'""")
    boolean complete(LocalDate reportDate, UUID runId, long rowsRead, long matched, long discrepancies,
                     long malformed);

    /**
     * RUNNING to FAILED: the run's work was rolled back, the figures of the last completed run stay. False if
     * another run took the date over meanwhile.
     */
    @Modifying
    @Query("""
            UPDATE reconciliation_report SET status = 'FAILED', finished_at = clock_timestamp(), error = :error
             WHERE report_date = :reportDate AND run_id = :runId AND status = 'RUNNING'""")
    boolean fail(LocalDate reportDate, UUID runId, String error);

    /**
     * Second guard inside the run's transaction, held until it ends: even a run taken over as stale while it
     * was in fact still alive cannot write the same date concurrently.
     */
    @Query("SELECT pg_try_advisory_xact_lock(hashtext('kassa.reconciliation'), :reportDate - DATE '1970-01-01')")
    boolean lockForTransaction(LocalDate reportDate);
}
