package dev.kassa.pspmock.intent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import dev.kassa.pspmock.settlement.BalanceTransactions;
import dev.kassa.pspmock.webhook.EventPublisher;
import dev.kassa.pspmock.webhook.EventType;
import dev.kassa.pspmock.work.DueWorker;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Resolves {@code processing} intents (tok_async, tok_asyncDeclined) when their time comes, with their webhook.
 * It sleeps until the earliest {@code resolve_at}; a new processing intent wakes it ({@link #wakeUp()}), and
 * {@code psp.outcomes.resolve-interval} bounds how late it notices one created by another instance.
 */
@Component
class ProcessingIntentResolver extends DueWorker {

    private static final int BATCH = 100;
    /** Due intents that another resolver has locked are looked at again after this, not in a tight loop. */
    private static final Duration LOCKED_ELSEWHERE_RETRY = Duration.ofMillis(100);

    private final PaymentIntents intents;
    private final BalanceTransactions balanceTransactions;
    private final EventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ProcessingIntentResolver(PaymentIntents intents, BalanceTransactions balanceTransactions,
                             EventPublisher events, TransactionTemplate transaction, Clock clock,
                             OutcomeProperties properties) {
        super("psp-intent-resolver", properties.resolveInterval(), clock);
        this.intents = intents;
        this.balanceTransactions = balanceTransactions;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    protected Instant runDue() {
        Instant next = intents.nextResolution().orElse(null);
        if (next == null || next.isAfter(clock.instant())) {
            return next; // the usual idle round: one indexed lookup, no transaction
        }
        int total = 0;
        Integer resolved;
        do {
            resolved = transaction.execute(status -> resolveBatch());
            total += resolved == null ? 0 : resolved;
        } while (resolved != null && resolved == BATCH);
        next = intents.nextResolution().orElse(null);
        if (total == 0 && next != null && !next.isAfter(clock.instant())) {
            return clock.instant().plus(LOCKED_ELSEWHERE_RETRY);
        }
        return next;
    }

    private int resolveBatch() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var due = intents.lockDueProcessing(now, BATCH);
        for (PaymentIntent intent : due) {
            if (PaymentIntent.SUCCEEDED.equals(intent.resolvesTo())) {
                PaymentIntent succeeded = intent.resolvedAs(PaymentIntent.SUCCEEDED, null);
                intents.resolve(intent.id(), succeeded.status(), null);
                balanceTransactions.recordCharge(intent.id(), intent.paymentOrderId(), intent.amount(),
                        intent.currency(), now);
                events.publish(EventType.PAYMENT_INTENT_SUCCEEDED, intent.id(), succeeded.view());
            } else {
                PaymentIntent failed = intent.resolvedAs(PaymentIntent.REQUIRES_PAYMENT_METHOD, TestCards.GENERIC_DECLINE);
                intents.resolve(intent.id(), failed.status(), failed.lastPaymentError());
                events.publish(EventType.PAYMENT_INTENT_PAYMENT_FAILED, intent.id(), failed.view());
            }
        }
        return due.size();
    }
}
