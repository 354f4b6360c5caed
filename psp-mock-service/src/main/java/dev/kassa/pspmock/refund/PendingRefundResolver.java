package dev.kassa.pspmock.refund;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import dev.kassa.pspmock.intent.PaymentIntentRepository;
import dev.kassa.pspmock.refund.RefundRepository.DueRefund;
import dev.kassa.pspmock.settlement.BalanceTransactions;
import dev.kassa.pspmock.webhook.EventPublisher;
import dev.kassa.pspmock.webhook.EventType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Resolves pending refunds when their time comes: succeeded (money moves) or failed (the amount is refundable again). */
@Component
class PendingRefundResolver {

    private static final int BATCH = 100;
    static final String FAILURE_REASON = "expired_or_canceled_card";

    private final RefundRepository refunds;
    private final PaymentIntentRepository intents;
    private final BalanceTransactions balanceTransactions;
    private final EventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PendingRefundResolver(RefundRepository refunds, PaymentIntentRepository intents,
                          BalanceTransactions balanceTransactions, EventPublisher events,
                          TransactionTemplate transaction, Clock clock) {
        this.refunds = refunds;
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
        var due = refunds.lockDuePending(now, BATCH);
        for (DueRefund d : due) {
            Refund refund = d.refund();
            if (d.succeeds()) {
                Refund succeeded = refund.resolvedAs(Refund.SUCCEEDED, null);
                refunds.resolve(succeeded);
                balanceTransactions.recordRefund(refund.paymentIntentId(), d.paymentOrderId(), refund.id(),
                        refund.amount(), refund.currency(), now);
                events.publish(EventType.REFUND_SUCCEEDED, refund.id(), succeeded.view());
            } else {
                Refund failed = refund.resolvedAs(Refund.FAILED, FAILURE_REASON);
                refunds.resolve(failed);
                intents.releaseRefund(refund.paymentIntentId(), refund.amount());
                events.publish(EventType.REFUND_FAILED, refund.id(), failed.view());
            }
        }
        return due.size();
    }
}
