package dev.kassa.pspmock.intent;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import dev.kassa.pspmock.intent.PaymentIntentRepository.DueIntent;
import dev.kassa.pspmock.settlement.BalanceTransactions;
import dev.kassa.pspmock.webhook.EventPublisher;
import dev.kassa.pspmock.webhook.EventType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Resolves {@code processing} intents (tok_async, tok_asyncDeclined) when their time comes, with their webhook. */
@Component
class ProcessingIntentResolver {

    private static final int BATCH = 100;

    private final PaymentIntentRepository intents;
    private final BalanceTransactions balanceTransactions;
    private final EventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ProcessingIntentResolver(PaymentIntentRepository intents, BalanceTransactions balanceTransactions,
                             EventPublisher events, TransactionTemplate transaction, Clock clock) {
        this.intents = intents;
        this.balanceTransactions = balanceTransactions;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${psp.outcomes.resolve-interval:250ms}")
    void resolveDue() {
        Integer resolved;
        do {
            resolved = transaction.execute(status -> resolveBatch());
        } while (resolved != null && resolved == BATCH);
    }

    private int resolveBatch() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var due = intents.lockDueProcessing(now, BATCH);
        for (DueIntent d : due) {
            PaymentIntent intent = d.intent();
            if (d.succeeds()) {
                PaymentIntent succeeded = intent.resolvedAs(PaymentIntent.SUCCEEDED, null);
                intents.resolve(succeeded);
                balanceTransactions.recordCharge(intent.id(), intent.paymentOrderId(), intent.amount(),
                        intent.currency(), now);
                events.publish(EventType.PAYMENT_INTENT_SUCCEEDED, intent.id(), succeeded.view());
            } else {
                PaymentIntent failed = intent.resolvedAs(PaymentIntent.REQUIRES_PAYMENT_METHOD, TestCards.GENERIC_DECLINE);
                intents.resolve(failed);
                events.publish(EventType.PAYMENT_INTENT_PAYMENT_FAILED, intent.id(), failed.view());
            }
        }
        return due.size();
    }
}
