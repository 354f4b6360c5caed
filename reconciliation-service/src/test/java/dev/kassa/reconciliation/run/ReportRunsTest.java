package dev.kassa.reconciliation.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.reconciliation.support.ReconciliationTestBase;
import dev.kassa.web.security.AuditContext;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Limit;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The report run's life cycle against the real database: each transition happens once, for the run that holds
 * the date, and is refused (false) otherwise. Two runs of one day are fenced by the run id, not by a version.
 */
class ReportRunsTest extends ReconciliationTestBase {

    private static final double ONE_HOUR = Duration.ofHours(1).toSeconds();
    private static final AuditContext FINANCE = new AuditContext("operator:fin-1", "opk_AbCd", "10.0.0.7", "req_1");
    private static final AuditContext OTHER_FINANCE =
            new AuditContext("operator:fin-2", "jwt:fin-2", "10.0.0.8", "req_2");
    /** Outside a request, as the nightly job calls it. */
    private static final AuditContext SCHEDULER = AuditContext.currentOrSystem("scheduler");

    @Autowired
    ReportRuns runs;

    @Autowired
    TransactionTemplate transaction;

    private final UUID first = UUID.randomUUID();
    private final UUID second = UUID.randomUUID();

    @Test
    void aSecondRunOfTheSameDayCannotClaimItWhileTheFirstRuns() {
        LocalDate day = uniqueDay();

        assertThat(runs.claim(day, first, RunTrigger.SCHEDULE, SCHEDULER, ONE_HOUR)).isTrue();
        assertThat(runs.claim(day, second, RunTrigger.API, FINANCE, ONE_HOUR)).as("second claim").isFalse();

        ReportRun run = runs.findById(day).orElseThrow();
        assertThat(run.runId()).isEqualTo(first);
        assertThat(run.status()).isEqualTo(ReportStatus.RUNNING);
        assertThat(run.trigger()).isEqualTo(RunTrigger.SCHEDULE);
        assertThat(run.requestedBy()).isEqualTo(new AuditContext("system:scheduler", null, null, null));
        assertThat(run.startedAt()).isNotNull();
        assertThat(run.finishedAt()).isNull();
    }

    @Test
    void onlyTheRunHoldingTheDateCompletesItAndOnlyOnce() {
        LocalDate day = uniqueDay();
        runs.claim(day, first, RunTrigger.API, FINANCE, ONE_HOUR);

        assertThat(runs.complete(day, second, 1, 1, 1, 1)).as("another run's completion").isFalse();
        assertThat(runs.complete(day, first, 10, 7, 3, 2)).isTrue();
        assertThat(runs.complete(day, first, 99, 99, 99, 99)).as("completing twice").isFalse();
        assertThat(runs.fail(day, first, "too late")).as("failing a completed run").isFalse();

        ReportRun run = runs.findById(day).orElseThrow();
        assertThat(run.status()).isEqualTo(ReportStatus.COMPLETED);
        assertThat(run.finishedAt()).isAfterOrEqualTo(run.startedAt());
        assertThat(List.of(run.rowsRead(), run.matchedCount(), run.discrepancyCount(), run.malformedCount()))
                .containsExactly(10L, 7L, 3L, 2L);
        assertThat(run.error()).isNull();
    }

    @Test
    void aFailedRunKeepsTheFiguresOfTheLastCompletedOneAndFreesTheDate() {
        LocalDate day = uniqueDay();
        runs.claim(day, first, RunTrigger.API, FINANCE, ONE_HOUR);
        runs.complete(day, first, 10, 7, 3, 2);
        assertThat(runs.claim(day, second, RunTrigger.API, OTHER_FINANCE, ONE_HOUR)).as("rerun of a completed day")
                .isTrue();

        assertThat(runs.fail(day, second, "The PSP answered 503")).isTrue();
        assertThat(runs.complete(day, second, 1, 1, 1, 1)).as("completing a failed run").isFalse();

        ReportRun run = runs.findById(day).orElseThrow();
        assertThat(run.runId()).isEqualTo(second);
        assertThat(run.status()).isEqualTo(ReportStatus.FAILED);
        assertThat(run.error()).isEqualTo("The PSP answered 503");
        assertThat(run.requestedBy()).as("the latest run's requester").isEqualTo(OTHER_FINANCE);
        assertThat(run.rowsRead()).isEqualTo(10);
        assertThat(runs.claim(day, UUID.randomUUID(), RunTrigger.API, FINANCE, ONE_HOUR)).as("rerun of a failed day")
                .isTrue();
    }

    @Test
    void aStaleRunIsTakenOverAndCanNeitherCompleteNorFailAfterwards() {
        LocalDate day = uniqueDay();
        runs.claim(day, first, RunTrigger.SCHEDULE, SCHEDULER, ONE_HOUR);
        jdbc.sql("UPDATE reconciliation_report SET started_at = now() - interval '2 hours' WHERE report_date = ?")
                .param(day).update();

        assertThat(runs.claim(day, second, RunTrigger.API, FINANCE, ONE_HOUR)).as("takeover of a stale run").isTrue();
        assertThat(runs.findById(day).orElseThrow().requestedBy()).isEqualTo(FINANCE);

        assertThat(runs.complete(day, first, 1, 1, 0, 0)).as("the displaced run completing").isFalse();
        assertThat(runs.fail(day, first, "crashed")).as("the displaced run failing").isFalse();
        assertThat(runs.findById(day).orElseThrow().runId()).isEqualTo(second);
        assertThat(runs.complete(day, second, 5, 5, 0, 0)).isTrue();
    }

    @Test
    void aClaimRefusedToASecondRequesterLeavesTheFirstOnesRecord() {
        LocalDate day = uniqueDay();
        runs.claim(day, first, RunTrigger.API, FINANCE, ONE_HOUR);

        assertThat(runs.claim(day, second, RunTrigger.API, OTHER_FINANCE, ONE_HOUR)).isFalse();

        assertThat(runs.findById(day).orElseThrow().requestedBy()).isEqualTo(FINANCE);
        assertThat(jdbc.sql("""
                SELECT requested_by_actor || ' ' || requested_by_credential || ' ' || requested_by_client_address
                       || ' ' || requested_by_request_id FROM reconciliation_report WHERE report_date = ?""")
                .param(day).query(String.class).single()).isEqualTo("operator:fin-1 opk_AbCd 10.0.0.7 req_1");
    }

    @Test
    void theTransactionLockOfADayIsHeldUntilItsTransactionEnds() {
        LocalDate day = uniqueDay();

        boolean otherWhileHeld = transaction.execute(status -> {
            assertThat(runs.lockForTransaction(day)).isTrue();
            return CompletableFuture.supplyAsync(() -> lockInNewTransaction(day)).join();
        });

        assertThat(otherWhileHeld).as("another transaction while the lock is held").isFalse();
        assertThat(lockInNewTransaction(day)).as("after commit").isTrue();
        assertThat(lockInNewTransaction(day.plusDays(1))).as("another day").isTrue();
    }

    @Test
    void reportsAreListedNewestFirstUpToTheLimit() {
        LocalDate older = uniqueDay();
        LocalDate newer = uniqueDay();
        runs.claim(older, first, RunTrigger.API, FINANCE, ONE_HOUR);
        runs.claim(newer, second, RunTrigger.API, FINANCE, ONE_HOUR);

        assertThat(runs.findAllByOrderByReportDateDesc(Limit.of(10_000)))
                .extracting(ReportRun::reportDate)
                .filteredOn(date -> date.equals(older) || date.equals(newer))
                .containsExactly(newer, older);
        assertThat(runs.findAllByOrderByReportDateDesc(Limit.of(1))).hasSize(1);
    }

    private boolean lockInNewTransaction(LocalDate day) {
        return Boolean.TRUE.equals(transaction.execute(status -> runs.lockForTransaction(day)));
    }
}
