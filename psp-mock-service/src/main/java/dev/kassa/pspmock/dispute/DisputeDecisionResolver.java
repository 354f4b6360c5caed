package dev.kassa.pspmock.dispute;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import dev.kassa.pspmock.intent.OutcomeProperties;
import dev.kassa.pspmock.work.DueWorker;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes disputes whose submitted evidence decided them (Stripe's {@code winning_evidence}, {@code losing_evidence})
 * when {@code psp.disputes.decision-delay} has passed, with their money and events. It sleeps until the earliest
 * {@code decide_at}; a submission wakes it ({@link #wakeUp()}), and {@code psp.outcomes.resolve-interval} bounds how
 * late it notices one submitted to another instance.
 */
@Component
class DisputeDecisionResolver extends DueWorker {

    private static final int BATCH = 100;
    /** Due disputes that another resolver has locked are looked at again after this, not in a tight loop. */
    private static final Duration LOCKED_ELSEWHERE_RETRY = Duration.ofMillis(100);

    private final Disputes disputes;
    private final DisputeOutcomes outcomes;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DisputeDecisionResolver(Disputes disputes, DisputeOutcomes outcomes, TransactionTemplate transaction, Clock clock,
                            OutcomeProperties properties) {
        super("psp-dispute-resolver", properties.resolveInterval(), clock);
        this.disputes = disputes;
        this.outcomes = outcomes;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    protected Instant runDue() {
        Instant next = disputes.nextDecision().orElse(null);
        if (next == null || next.isAfter(clock.instant())) {
            return next; // the usual idle round: one indexed lookup, no transaction
        }
        int total = 0;
        Integer decided;
        do {
            decided = transaction.execute(status -> decideBatch());
            total += decided == null ? 0 : decided;
        } while (decided != null && decided == BATCH);
        next = disputes.nextDecision().orElse(null);
        if (total == 0 && next != null && !next.isAfter(clock.instant())) {
            return clock.instant().plus(LOCKED_ELSEWHERE_RETRY);
        }
        return next;
    }

    private int decideBatch() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Dispute> due = disputes.lockDueDecisions(now, BATCH);
        for (Dispute dispute : due) {
            if (disputes.resolve(dispute.id())) {
                outcomes.closed(dispute.id(), now);
            }
        }
        return due.size();
    }
}
