package dev.kassa.reconciliation.run;

import dev.kassa.reconciliation.config.ReconciliationProperties;
import dev.kassa.reconciliation.discrepancy.DiscrepancyPublisher;
import dev.kassa.reconciliation.settlement.BalanceTransactionClient;
import dev.kassa.reconciliation.settlement.SettlementStaging;
import dev.kassa.web.security.AuditContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One reconciliation of one UTC day: claim the date, then in ONE transaction stage the PSP's file, classify,
 * total, publish the new findings through the outbox and complete the report. A failure rolls all of it back,
 * so the day's previous report stays whole; the row is marked FAILED with the reason.
 */
@Service
public class ReconciliationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationRunner.class);

    private final ReconciliationProperties properties;
    private final ReportRuns runs;
    private final BalanceTransactionClient balanceTransactions;
    private final SettlementMatcher matcher;
    private final DiscrepancyPublisher publisher;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final MeterRegistry meters;

    public ReconciliationRunner(ReconciliationProperties properties, ReportRuns runs,
                                BalanceTransactionClient balanceTransactions, SettlementMatcher matcher,
                                DiscrepancyPublisher publisher, JdbcTemplate jdbc, TransactionTemplate transaction,
                                Clock clock, MeterRegistry meters) {
        this.properties = properties;
        this.runs = runs;
        this.balanceTransactions = balanceTransactions;
        this.matcher = matcher;
        this.publisher = publisher;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Reconciles {@code date}, replacing its previous report, and records who asked for it: the caller of the API
     * ({@link AuditContext#current()}) or the service itself ({@link AuditContext#currentOrSystem(String)}).
     *
     * @throws RunInProgressException if another run holds the date
     * @throws dev.kassa.reconciliation.settlement.SettlementFileException if the PSP's file cannot be had
     */
    public RunOutcome run(LocalDate date, RunTrigger trigger, AuditContext requestedBy) {
        UUID runId = UUID.randomUUID();
        if (!runs.claim(date, runId, trigger, requestedBy, properties.staleRunAfter().toSeconds())) {
            throw new RunInProgressException(date);
        }
        MDC.put("report_date", date.toString());
        Timer.Sample sample = Timer.start(meters);
        try {
            RunOutcome outcome = transaction.execute(status -> reconcile(date, runId));
            sample.stop(meters.timer("kassa.reconciliation.run", "outcome", "completed", "trigger", trigger.name()));
            log.info("Reconciled {} for {}: {} settlement rows, {} matched, {} discrepancies ({} new), "
                            + "{} malformed rows",
                    date, requestedBy.actor(), outcome.rowsRead(), outcome.matched(), outcome.discrepancies(),
                    outcome.published(), outcome.malformed());
            return outcome;
        } catch (RuntimeException e) {
            sample.stop(meters.timer("kassa.reconciliation.run", "outcome", "failed", "trigger", trigger.name()));
            log.warn("Reconciliation of {} failed: {}", date, e.getMessage(), e);
            runs.fail(date, runId, e.getMessage() == null ? e.getClass().getName() : e.getMessage());
            throw e;
        } finally {
            MDC.remove("report_date");
        }
    }

    private RunOutcome reconcile(LocalDate date, UUID runId) {
        if (!runs.lockForTransaction(date)) {
            throw new RunInProgressException(date);
        }
        ReconciliationWindow window = ReconciliationWindow.of(runId, date, clock.instant(), properties.gracePeriod());

        long started = System.nanoTime();
        SettlementStaging staging = new SettlementStaging(jdbc, date, properties.stagingBatchSize(),
                properties.malformedRowsKept());
        staging.clearPrevious();
        staging.forgetFilesBefore(LocalDate.now(clock).minus(properties.stagedFilesKept()));
        BalanceTransactionClient.Result file = balanceTransactions.read(date, staging);
        staging.flush();
        staging.analyze();
        long duplicates = staging.setAsideDuplicates();
        long malformed = file.malformedRows() + duplicates;
        long staged = System.nanoTime();

        long matched = matcher.classify(window);
        long discrepancies = matcher.removeUnconfirmed(window);
        matcher.computeTotals(window);
        long classified = System.nanoTime();
        long published = publisher.publishNew(date, runId);
        log.debug("Reconciliation of {}: file fetched and staged in {} ms, classified in {} ms, published in {} ms",
                date, (staged - started) / 1_000_000, (classified - staged) / 1_000_000,
                (System.nanoTime() - classified) / 1_000_000);

        if (!runs.complete(date, runId, file.dataLines(), matched, discrepancies, malformed)) {
            throw new RunInProgressException(date);
        }
        meters.counter("kassa.reconciliation.settlement.rows", "result", "valid").increment(file.validRows() - duplicates);
        meters.counter("kassa.reconciliation.settlement.rows", "result", "malformed").increment(malformed);
        return new RunOutcome(date, runId, file.dataLines(), matched, discrepancies, published, malformed);
    }

    /** What a run did. */
    public record RunOutcome(LocalDate date, UUID runId, long rowsRead, long matched, long discrepancies,
                             long published, long malformed) {
    }
}
