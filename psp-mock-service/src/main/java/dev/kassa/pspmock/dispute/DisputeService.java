package dev.kassa.pspmock.dispute;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.OptionalLong;
import java.util.TreeMap;
import dev.kassa.pspmock.api.ApiException;
import dev.kassa.pspmock.api.ApiJson;
import dev.kassa.pspmock.api.ApiResponse;
import dev.kassa.pspmock.api.Ids;
import dev.kassa.pspmock.api.Metadata;
import dev.kassa.pspmock.intent.PaymentIntent;
import dev.kassa.pspmock.intent.PaymentIntents;
import dev.kassa.pspmock.intent.TestCardDisputes;
import dev.kassa.pspmock.settlement.BalanceTransactions;
import dev.kassa.pspmock.webhook.EventPublisher;
import dev.kassa.pspmock.webhook.EventType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A dispute's life: opened on a succeeded charge (by a dispute test card, or an operator) with the disputed amount and
 * the dispute fee withdrawn at once; answered with evidence (staged, then submitted: {@code under_review}) or accepted
 * ({@code lost}); decided {@code won} or {@code lost}. Each change is a row lock, checks that name what is wrong, then
 * a guarded UPDATE, and its event is published only when that UPDATE applied.
 */
@Service
class DisputeService implements TestCardDisputes {

    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    private final Disputes disputes;
    private final PaymentIntents intents;
    private final DisputeOutcomes outcomes;
    private final BalanceTransactions balanceTransactions;
    private final EventPublisher events;
    private final DisputeProperties properties;
    private final DisputeDecisionResolver resolver;
    private final ApiJson json;
    private final Clock clock;

    DisputeService(Disputes disputes, PaymentIntents intents, DisputeOutcomes outcomes,
                   BalanceTransactions balanceTransactions, EventPublisher events, DisputeProperties properties,
                   DisputeDecisionResolver resolver, ApiJson json, Clock clock) {
        this.disputes = disputes;
        this.intents = intents;
        this.outcomes = outcomes;
        this.balanceTransactions = balanceTransactions;
        this.events = events;
        this.properties = properties;
        this.resolver = resolver;
        this.json = json;
        this.clock = clock;
    }

    /**
     * A dispute test card's charge: disputed for its whole amount, in the charge's transaction, a microsecond after
     * the charge so that the settlement file and the lists show it after the charge.
     */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void openOn(PaymentIntent charged, String reason, Instant chargedAt) {
        Instant openedAt = chargedAt.plus(1, ChronoUnit.MICROS);
        open(charged, charged.amount(), reason, dueBy(openedAt), openedAt);
    }

    /**
     * An operator opens a dispute on a succeeded charge ({@code POST /admin/disputes}); every refusal comes before
     * any write.
     *
     * @param amount default: what was charged and not refunded; at most that
     * @param dueBy  default: {@code psp.disputes.evidence-due-days} ahead
     */
    @Transactional
    public ApiResponse openByOperator(String paymentIntentId, OptionalLong amount, String reason, Instant dueBy) {
        // Locked: refunds of the intent lock it too, so a refund and a dispute never take the same money.
        PaymentIntent intent = intents.findForUpdateById(paymentIntentId)
                .orElseThrow(() -> ApiException.notFound("payment_intent", paymentIntentId, "payment_intent"));
        if (!PaymentIntent.SUCCEEDED.equals(intent.status())) {
            throw ApiException.invalidRequest("payment_intent_unexpected_state", "PaymentIntent " + intent.id()
                    + " has status " + intent.status() + "; only a succeeded charge can be disputed.",
                    "payment_intent");
        }
        disputes.findByPaymentIntentId(intent.id()).ifPresent(existing -> {
            throw ApiException.invalidRequest("charge_already_disputed", "Charge " + existing.charge()
                    + " is already disputed (" + existing.id() + ", " + existing.status() + ").", "payment_intent");
        });
        long disputable = intent.amount() - intent.amountRefunded();
        if (disputable == 0) {
            throw ApiException.invalidRequest("charge_already_refunded", "Charge " + Ids.chargeOf(intent.id())
                    + " has been refunded in full; nothing is left to dispute.", "payment_intent");
        }
        long disputed = amount.orElse(disputable);
        if (disputed > disputable) {
            throw ApiException.invalidRequest("amount_too_large", "Dispute amount (" + disputed
                    + ") is greater than what was charged and not refunded (" + disputable + ").", "amount");
        }
        Instant now = now();
        Dispute dispute = open(intent, disputed, reason, dueBy != null ? dueBy : dueBy(now), now);
        return json.render(201, outcomes.view(dispute));
    }

    private Dispute open(PaymentIntent intent, long amount, String reason, Instant dueBy, Instant now) {
        Dispute dispute = disputes.insert(new Dispute(Ids.newId("dp"), intent.id(), amount, intent.currency(), reason,
                Dispute.NEEDS_RESPONSE, DisputeEvidence.NONE, new Metadata(new TreeMap<>()), dueBy, 0, now, null,
                null));
        balanceTransactions.recordDisputeWithdrawal(intent.id(), intent.paymentOrderId(), dispute.id(), amount,
                intent.currency(), now);
        Dispute.View view = outcomes.view(dispute);
        events.publish(EventType.CHARGE_DISPUTE_CREATED, dispute.id(), view);
        events.publish(EventType.CHARGE_DISPUTE_FUNDS_WITHDRAWN, dispute.id(), view);
        return dispute;
    }

    /**
     * {@code POST /v1/disputes/{id}}, in the idempotency key's transaction. Needing a response (and not past due):
     * evidence and metadata change, and with {@code submit} the dispute goes {@code under_review}, decided after
     * {@code psp.disputes.decision-delay} when its evidence is Stripe's test evidence. Under review: metadata only.
     * Closed: refused. {@code charge.dispute.updated} when anything changed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ApiResponse update(String id, UpdateDisputeRequest request) {
        Dispute dispute = lock(id);
        Instant now = now();
        if (dispute.closed()) {
            throw alreadyClosed(dispute, "updated");
        }
        Metadata metadata = request.metadataOf(dispute.metadata());
        boolean changed;
        if (Dispute.UNDER_REVIEW.equals(dispute.status())) {
            if (!request.evidence().isEmpty()) {
                throw new ApiException(400, "invalid_request_error", "dispute_already_submitted", "The evidence of "
                        + id + " has been submitted; it can no longer be changed.", "evidence");
            }
            changed = !metadata.equals(dispute.metadata());
            if (changed) {
                applied(disputes.changeMetadataUnderReview(id, metadata), id);
            }
        } else {
            if (dispute.pastDue(now)) {
                throw new ApiException(400, "invalid_request_error", "dispute_past_due", "The evidence of " + id
                        + " was due by " + dispute.dueBy() + "; it can no longer be updated or submitted.", null);
            }
            DisputeEvidence evidence = dispute.evidence().with(request.evidence());
            if (request.submit()) {
                String decidesTo = evidence.testOutcome();
                Instant decideAt = decidesTo == null ? null : now.plus(properties.decisionDelay());
                applied(disputes.submit(id, evidence, metadata, now, decideAt, decidesTo), id);
                if (decideAt != null) {
                    resolver.wakeUp().dueAfterCommit(decideAt);
                }
                changed = true;
            } else {
                changed = !evidence.equals(dispute.evidence()) || !metadata.equals(dispute.metadata());
                if (changed) {
                    applied(disputes.stage(id, evidence, metadata, now), id);
                }
            }
        }
        Dispute.View view = outcomes.view(disputes.findById(id).orElseThrow());
        if (changed) {
            events.publish(EventType.CHARGE_DISPUTE_UPDATED, id, view);
        }
        return json.render(200, view);
    }

    /**
     * {@code POST /v1/disputes/{id}/close}, in the idempotency key's transaction: the merchant accepts the dispute, which
     * is then {@code lost}. Only while it needs a response (past due included), as Stripe allows.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ApiResponse close(String id) {
        Dispute dispute = lock(id);
        if (dispute.closed()) {
            throw alreadyClosed(dispute, "closed");
        }
        if (Dispute.UNDER_REVIEW.equals(dispute.status())) {
            throw new ApiException(400, "invalid_request_error", "dispute_already_submitted", "The evidence of " + id
                    + " has been submitted; the dispute can no longer be accepted.", null);
        }
        applied(disputes.accept(id), id);
        return json.render(200, outcomes.closed(id, now()));
    }

    /** An operator decides an open dispute at once ({@code POST /admin/disputes/{id}/decide}): won or lost. */
    @Transactional
    public ApiResponse decide(String id, String outcome) {
        Dispute dispute = lock(id);
        if (dispute.closed()) {
            throw alreadyClosed(dispute, "decided");
        }
        applied(disputes.decide(id, outcome), id);
        return json.render(200, outcomes.closed(id, now()));
    }

    private Dispute lock(String id) {
        return disputes.findForUpdateById(id).orElseThrow(() -> ApiException.notFound("dispute", id, "id"));
    }

    /** End of the UTC day {@code psp.disputes.evidence-due-days} after {@code openedAt}, as Stripe dates it. */
    private Instant dueBy(Instant openedAt) {
        return LocalDate.ofInstant(openedAt, ZoneOffset.UTC).plusDays(properties.evidenceDueDays())
                .atTime(END_OF_DAY).toInstant(ZoneOffset.UTC);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static ApiException alreadyClosed(Dispute dispute, String action) {
        return new ApiException(400, "invalid_request_error", "dispute_already_closed", "Dispute " + dispute.id()
                + " is already closed (" + dispute.status() + "); it can no longer be " + action + ".", null);
    }

    /**
     * The guarded UPDATE's outcome. The row is locked and checked before it, so a refusal here means the two
     * disagree: nothing is written, and the caller is told to look again.
     */
    private static void applied(boolean applied, String id) {
        if (!applied) {
            throw new ApiException(409, "invalid_request_error", "dispute_unexpected_state",
                    "Dispute " + id + " changed while this request ran; retrieve it and try again.", null);
        }
    }
}
