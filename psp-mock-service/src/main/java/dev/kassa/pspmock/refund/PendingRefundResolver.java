package dev.kassa.pspmock.refund;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import dev.kassa.pspmock.api.Ids;
import dev.kassa.pspmock.intent.ChargeView;
import dev.kassa.pspmock.intent.OutcomeProperties;
import dev.kassa.pspmock.intent.PaymentIntents;
import dev.kassa.pspmock.refund.Refunds.DueRefund;
import dev.kassa.pspmock.settlement.BalanceTransactions;
import dev.kassa.pspmock.webhook.EventPublisher;
import dev.kassa.pspmock.webhook.EventType;
import dev.kassa.pspmock.work.DueWorker;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Resolves pending refunds when their time comes: succeeded (money moves) or failed (the amount is refundable
 * again). Sleeps until the earliest {@code resolve_at}; a new pending refund wakes it ({@link #wakeUp()}).
 */
@Component
class PendingRefundResolver extends DueWorker {

    private static final int BATCH = 100;
    static final String FAILURE_REASON = "expired_or_canceled_card";
    /** Due refunds that another resolver has locked are looked at again after this, not in a tight loop. */
    private static final Duration LOCKED_ELSEWHERE_RETRY = Duration.ofMillis(100);

    private final Refunds refunds;
    private final PaymentIntents intents;
    private final BalanceTransactions balanceTransactions;
    private final EventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PendingRefundResolver(Refunds refunds, PaymentIntents intents,
                          BalanceTransactions balanceTransactions, EventPublisher events,
                          TransactionTemplate transaction, Clock clock, OutcomeProperties properties) {
        super("psp-refund-resolver", properties.resolveInterval(), clock);
        this.refunds = refunds;
        this.intents = intents;
        this.balanceTransactions = balanceTransactions;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    protected Instant runDue() {
        Instant next = refunds.nextResolution().orElse(null);
        if (next == null || next.isAfter(clock.instant())) {
            return next; // the usual idle round: one indexed lookup, no transaction
        }
        int total = 0;
        Integer resolved;
        do {
            resolved = transaction.execute(status -> resolveBatch());
            total += resolved == null ? 0 : resolved;
        } while (resolved != null && resolved == BATCH);
        next = refunds.nextResolution().orElse(null);
        if (total == 0 && next != null && !next.isAfter(clock.instant())) {
            return clock.instant().plus(LOCKED_ELSEWHERE_RETRY);
        }
        return next;
    }

    private int resolveBatch() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var due = refunds.lockDuePending(now, BATCH);
        for (DueRefund d : due) {
            Refund refund = d.refund();
            if (Refund.SUCCEEDED.equals(refund.resolvesTo())) {
                Refund succeeded = refund.resolvedAs(Refund.SUCCEEDED, null);
                refunds.resolve(refund.id(), succeeded.status(), null);
                balanceTransactions.recordRefund(refund.paymentIntentId(), d.paymentOrderId(), refund.id(),
                        refund.amount(), refund.currency(), now);
                events.publish(EventType.REFUND_UPDATED, refund.id(), succeeded.view());
                intents.findById(refund.paymentIntentId()).ifPresent(intent -> events.publish(
                        EventType.CHARGE_REFUNDED, Ids.chargeOf(intent.id()),
                        ChargeView.of(intent, intent.amountRefunded())));
            } else {
                Refund failed = refund.resolvedAs(Refund.FAILED, FAILURE_REASON);
                refunds.resolve(refund.id(), failed.status(), failed.failureReason());
                intents.releaseRefund(refund.paymentIntentId(), refund.amount());
                events.publish(EventType.REFUND_FAILED, refund.id(), failed.view());
            }
        }
        return due.size();
    }
}
