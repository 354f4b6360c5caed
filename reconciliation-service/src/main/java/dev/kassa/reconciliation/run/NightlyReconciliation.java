package dev.kassa.reconciliation.run;

import dev.kassa.reconciliation.config.ReconciliationProperties;
import dev.kassa.web.security.AuditContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The nightly run: at {@code kassa.reconciliation.cron} (02:00 by default) in {@code kassa.reconciliation.zone}
 * (UTC), reconcile the previous day. With several instances the date claim lets one of them run it at a time.
 */
@Component
class NightlyReconciliation {

    private static final Logger log = LoggerFactory.getLogger(NightlyReconciliation.class);
    /** The report's requester: {@code system:scheduler}. */
    static final String SCHEDULER = "scheduler";

    private final ReconciliationRunner runner;
    private final Clock clock;
    private final ZoneId zone;

    NightlyReconciliation(ReconciliationRunner runner, Clock clock, ReconciliationProperties properties) {
        this.runner = runner;
        this.clock = clock;
        this.zone = ZoneId.of(properties.zone());
    }

    @Scheduled(cron = "${kassa.reconciliation.cron:0 0 2 * * *}", zone = "${kassa.reconciliation.zone:UTC}")
    void reconcileYesterday() {
        LocalDate yesterday = LocalDate.now(clock.withZone(zone)).minusDays(1);
        try {
            runner.run(yesterday, RunTrigger.SCHEDULE, AuditContext.currentOrSystem(SCHEDULER));
        } catch (RunInProgressException e) {
            log.info("Nightly reconciliation of {} skipped: {}", yesterday, e.getMessage());
        } catch (RuntimeException e) {
            // Already recorded as FAILED on the report and logged by the runner; rerun through the API.
            log.error("Nightly reconciliation of {} failed; rerun it with POST /api/v1/reconciliations", yesterday);
        }
    }
}
