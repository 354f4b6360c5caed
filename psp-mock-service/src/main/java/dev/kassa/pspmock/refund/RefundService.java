package dev.kassa.pspmock.refund;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import dev.kassa.pspmock.api.ApiException;
import dev.kassa.pspmock.api.ApiJson;
import dev.kassa.pspmock.api.ApiResponse;
import dev.kassa.pspmock.api.Ids;
import dev.kassa.pspmock.api.Metadata;
import dev.kassa.pspmock.dispute.DisputeLookup;
import dev.kassa.pspmock.intent.ChargeView;
import dev.kassa.pspmock.intent.OutcomeProperties;
import dev.kassa.pspmock.intent.PaymentIntent;
import dev.kassa.pspmock.intent.PaymentIntents;
import dev.kassa.pspmock.intent.TestCards;
import dev.kassa.pspmock.settlement.BalanceTransactions;
import dev.kassa.pspmock.webhook.EventPublisher;
import dev.kassa.pspmock.webhook.EventType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Refunds of succeeded intents, never more than what is left unrefunded, nor of a charge a dispute holds. */
@Service
class RefundService {

    private final PaymentIntents intents;
    private final Refunds refunds;
    private final BalanceTransactions balanceTransactions;
    private final EventPublisher events;
    private final OutcomeProperties outcomes;
    private final ApiJson json;
    private final Clock clock;
    private final PendingRefundResolver resolver;
    private final DisputeLookup disputes;

    RefundService(PaymentIntents intents, Refunds refunds, BalanceTransactions balanceTransactions,
                  EventPublisher events, OutcomeProperties outcomes, ApiJson json, Clock clock,
                  PendingRefundResolver resolver, DisputeLookup disputes) {
        this.intents = intents;
        this.refunds = refunds;
        this.balanceTransactions = balanceTransactions;
        this.events = events;
        this.outcomes = outcomes;
        this.json = json;
        this.clock = clock;
        this.resolver = resolver;
        this.disputes = disputes;
    }

    /** Runs in the idempotency key's transaction; every rejection comes before any write. */
    @Transactional(propagation = Propagation.MANDATORY)
    public ApiResponse create(CreateRefundRequest request) {
        // Locked: concurrent refunds of one intent are decided one after the other against the same remainder.
        PaymentIntent intent = intents.findForUpdateById(request.paymentIntent())
                .orElseThrow(() -> request.param().equals("charge")
                        ? ApiException.notFound("charge", Ids.chargeOf(request.paymentIntent()), "charge")
                        : ApiException.notFound("payment_intent", request.paymentIntent(), "payment_intent"));
        if (!PaymentIntent.SUCCEEDED.equals(intent.status())) {
            throw ApiException.invalidRequest("payment_intent_unexpected_state",
                    "PaymentIntent " + intent.id() + " has status " + intent.status()
                            + "; only a succeeded payment can be refunded.", request.param());
        }
        // The intent's lock also orders this against a dispute being opened on it (which locks it too).
        disputes.disputeHoldingFundsOf(intent.id()).ifPresent(dispute -> {
            throw ApiException.invalidRequest("charge_disputed", "Charge " + Ids.chargeOf(intent.id())
                    + " has been charged back (" + dispute + "); cannot issue a refund.", request.param());
        });
        long refundable = intent.amount() - intent.amountRefunded();
        if (refundable == 0) {
            throw ApiException.invalidRequest("charge_already_refunded",
                    "Charge " + Ids.chargeOf(intent.id()) + " has already been refunded.", request.param());
        }
        long amount = request.amount().orElse(refundable);
        if (amount > refundable || !intents.reserveRefund(intent.id(), amount)) {
            throw ApiException.invalidRequest("amount_too_large", "Refund amount (" + amount
                    + ") is greater than the unrefunded amount of the payment (" + refundable + ").", "amount");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Refund refund = new Refund(Ids.newId("re"), intent.id(), amount, intent.currency(), Refund.SUCCEEDED, null,
                new Metadata(request.metadata()), now, null, null, request.reason());
        switch (TestCards.refundBehaviour(intent.paymentMethod())) {
            case SUCCEEDS_AT_ONCE -> {
                refunds.insert(refund);
                balanceTransactions.recordRefund(intent.id(), intent.paymentOrderId(), refund.id(), amount,
                        intent.currency(), now);
                events.publish(EventType.REFUND_CREATED, refund.id(), refund.view());
                events.publish(EventType.CHARGE_REFUNDED, Ids.chargeOf(intent.id()),
                        ChargeView.of(intent, intent.amountRefunded() + amount));
            }
            case PENDING_THEN_SUCCEEDS -> refund = insertPending(refund, now, Refund.SUCCEEDED);
            case PENDING_THEN_FAILS -> refund = insertPending(refund, now, Refund.FAILED);
        }
        return json.render(200, refund.view());
    }

    private Refund insertPending(Refund refund, Instant now, String resolvesTo) {
        Instant resolveAt = now.plus(outcomes.asyncDelay());
        Refund pending = refunds.insert(refund.pendingUntil(resolveAt, resolvesTo));
        events.publish(EventType.REFUND_CREATED, pending.id(), pending.view());
        resolver.wakeUp().dueAfterCommit(resolveAt);
        return pending;
    }
}
