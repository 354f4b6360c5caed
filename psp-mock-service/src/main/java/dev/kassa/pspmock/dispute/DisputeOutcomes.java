package dev.kassa.pspmock.dispute;

import java.time.Instant;
import dev.kassa.pspmock.intent.PaymentIntent;
import dev.kassa.pspmock.intent.PaymentIntents;
import dev.kassa.pspmock.settlement.BalanceTransactions;
import dev.kassa.pspmock.webhook.EventPublisher;
import dev.kassa.pspmock.webhook.EventType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A dispute as the API shows it, and what follows once it closed, wherever it was closed (the merchant accepting it,
 * an operator, or the decision its evidence scheduled): a won dispute's money back, and the events.
 */
@Component
class DisputeOutcomes {

    private final Disputes disputes;
    private final PaymentIntents intents;
    private final BalanceTransactions balanceTransactions;
    private final EventPublisher events;

    DisputeOutcomes(Disputes disputes, PaymentIntents intents, BalanceTransactions balanceTransactions,
                    EventPublisher events) {
        this.disputes = disputes;
        this.intents = intents;
        this.balanceTransactions = balanceTransactions;
        this.events = events;
    }

    /** The dispute with its balance transactions, as Stripe shows it. */
    Dispute.View view(Dispute dispute) {
        return dispute.view(balanceTransactions.ofDispute(dispute.id()));
    }

    /**
     * Called right after the guarded UPDATE that closed the dispute, in its transaction (so once per dispute):
     * {@code charge.dispute.closed}, and for a won one the disputed amount reinstated (a {@code dispute_reversal}
     * balance transaction) with {@code charge.dispute.funds_reinstated}.
     *
     * @return the closed dispute as the API shows it
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Dispute.View closed(String id, Instant now) {
        Dispute dispute = disputes.findById(id).orElseThrow();
        boolean won = Dispute.WON.equals(dispute.status());
        if (won) {
            String paymentOrderId = intents.findById(dispute.paymentIntentId()).map(PaymentIntent::paymentOrderId)
                    .orElse(null);
            balanceTransactions.recordDisputeReversal(dispute.paymentIntentId(), paymentOrderId, id, dispute.amount(),
                    dispute.currency(), now);
        }
        Dispute.View view = view(dispute);
        events.publish(EventType.CHARGE_DISPUTE_CLOSED, id, view);
        if (won) {
            events.publish(EventType.CHARGE_DISPUTE_FUNDS_REINSTATED, id, view);
        }
        return view;
    }
}
