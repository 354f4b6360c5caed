package dev.kassa.payment.webhook;

import dev.kassa.payment.dispute.DisputeWebhooks;
import dev.kassa.payment.execution.PaymentExecutor;
import dev.kassa.payment.execution.RefundExecutor;
import dev.kassa.payment.observability.PaymentMdc;
import dev.kassa.payment.order.ChangeCause;
import dev.kassa.payment.order.PaymentOrder;
import dev.kassa.payment.order.PaymentOrders;
import dev.kassa.payment.psp.PaymentIntent;
import dev.kassa.payment.psp.PspRefund;
import dev.kassa.payment.refund.Refund;
import dev.kassa.payment.refund.Refunds;
import dev.kassa.payment.result.ResultSource;
import dev.kassa.payment.webhook.PspEvent.PspObject;
import dev.kassa.payment.psp.PspProperties;
import dev.kassa.web.KassaProblem;
import dev.kassa.web.ProblemType;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The full path of a verified PSP event that may change state: in ONE transaction with its dedupe row, so a
 * redelivered event id changes nothing; the result goes through the same result-applying code as the PSP's
 * synchronous answer (guarded update + outbox row). Also where an event that matches nothing is recorded.
 */
@Component
class WebhookStateChange {

    private static final Logger log = LoggerFactory.getLogger(WebhookStateChange.class);

    private final WebhookEvents events;
    private final PaymentOrders orders;
    private final Refunds refunds;
    private final PaymentExecutor payments;
    private final RefundExecutor refundExecutor;
    private final Duration lockWait;
    private final DisputeWebhooks disputes;

    WebhookStateChange(WebhookEvents events, PaymentOrders orders, Refunds refunds,
                       PaymentExecutor payments, RefundExecutor refundExecutor, PspProperties psp,
                       DisputeWebhooks disputes) {
        this.disputes = disputes;
        this.lockWait = psp.webhookLockWait();
        this.events = events;
        this.orders = orders;
        this.refunds = refunds;
        this.payments = payments;
        this.refundExecutor = refundExecutor;
    }

    /**
     * @throws org.springframework.dao.DataAccessException with SQL state 55P03 when a row it must change stays
     *         locked longer than {@code kassa.psp.webhook-lock-wait}: nothing is written, the PSP delivers again
     */
    @Transactional
    public WebhookOutcome apply(PspEvent event) {
        String objectId = event.object().id();
        events.limitLockWait(lockWait);
        if (!events.insertIfAbsent(event.id(), event.type(), objectId)) {
            log.info("PSP event {} ({}) received again: acknowledged, not applied twice", event.id(), event.type());
            return WebhookOutcome.DUPLICATE;
        }
        Result result = switch (event.type()) {
            case WebhookProcessor.PAYMENT_SUCCEEDED, WebhookProcessor.PAYMENT_FAILED -> paymentIntent(event);
            case String type when WebhookProcessor.isRefundEvent(type) -> refund(event);
            case String type when WebhookProcessor.isDisputeEvent(type) -> dispute(event);
            default -> new Result(WebhookOutcome.IGNORED, "event type not acted on");
        };
        events.recordOutcome(event.id(), result.outcome(), result.detail(),
                result.outcome() == WebhookOutcome.UNMATCHED ? event.rawJson() : null);
        if (result.outcome() == WebhookOutcome.UNMATCHED) {
            log.warn("PSP event {} ({}, object {}) matches nothing of ours: recorded for operators", event.id(),
                    event.type(), objectId);
        }
        return result.outcome();
    }

    private record Result(WebhookOutcome outcome, String detail) {
    }

    private Result paymentIntent(PspEvent event) {
        PaymentIntent intent = intent(event.object());
        String orderId = event.object().paymentOrderId();
        Optional<PaymentOrder> found = orderId != null ? orders.findById(orderId)
                : orders.findByPspReference(intent.id());
        if (found.isEmpty()) {
            return new Result(WebhookOutcome.UNMATCHED, "no payment order for intent " + intent.id());
        }
        PaymentOrder order = found.get();
        try (PaymentMdc mdc = PaymentMdc.of(order.checkoutId(), order.paymentOrderId())) {
            int attempt = attemptOf(event.object(), order);
            if (attempt != order.attempt()) {
                log.info("PSP event {} is for attempt {} but the order is on attempt {}: ignored", event.id(), attempt,
                        order.attempt());
                return new Result(WebhookOutcome.IGNORED, "attempt " + attempt + " superseded");
            }
            orders.nameCause(ChangeCause.WEBHOOK, "event " + event.id());
            boolean applied = payments.apply(order, intent, ResultSource.WEBHOOK);
            return new Result(applied ? WebhookOutcome.APPLIED : WebhookOutcome.IGNORED,
                    applied ? intent.status() : "order already " + order.status());
        }
    }

    private Result refund(PspEvent event) {
        PspObject object = event.object();
        PspRefund answer = new PspRefund(object.id(), object.status(), object.amount(), object.paymentIntent(),
                object.failureReason());
        String refundId = object.refundId();
        Optional<Refund> found = refundId != null ? refunds.findById(refundId) : Optional.empty();
        if (found.isEmpty() && answer.id() != null) {
            found = refunds.findByPspRefundReference(answer.id());
        }
        if (found.isEmpty()) {
            return new Result(WebhookOutcome.UNMATCHED, "no refund for " + answer.id());
        }
        Refund refund = found.get();
        PaymentOrder order = orders.findById(refund.paymentOrderId()).orElseThrow();
        try (PaymentMdc mdc = PaymentMdc.of(order.checkoutId(), order.paymentOrderId())) {
            boolean applied = refundExecutor.apply(refund, answer, ResultSource.WEBHOOK);
            return new Result(applied ? WebhookOutcome.APPLIED : WebhookOutcome.IGNORED,
                    applied ? answer.status()
                            : answer.pending() ? "refund " + answer.status() + " at the PSP"
                            : "refund already " + refund.status());
        }
    }

    /**
     * @throws KassaProblem 503 when the dispute's money must wait for the disputed charge's own result: the whole
     *         transaction (this event's dedupe row too) rolls back, and the PSP delivers the event again
     */
    private Result dispute(PspEvent event) {
        PspObject object = event.object();
        DisputeWebhooks.Outcome outcome = disputes.apply(new DisputeWebhooks.Notice(event.type(), object.id(),
                object.paymentIntent(), object.amount(), object.currency(), object.reason(), object.status(),
                dueBy(object.dueBy()), object.balanceTransactions().stream()
                        .map(t -> new DisputeWebhooks.BalanceTransaction(t.amount(), t.fee(), t.reportingCategory()))
                        .toList()));
        if (outcome.retryLater()) {
            throw new KassaProblem(ProblemType.TEMPORARILY_UNAVAILABLE,
                    "PSP event " + event.id() + ": " + outcome.detail() + "; nothing changed, deliver it again");
        }
        if (!outcome.matched()) {
            return new Result(WebhookOutcome.UNMATCHED, outcome.detail());
        }
        return new Result(outcome.changed() ? WebhookOutcome.APPLIED : WebhookOutcome.IGNORED, outcome.detail());
    }

    /** {@code evidence_details.due_by}, Unix seconds; null when absent or not a number. */
    private static Instant dueBy(String seconds) {
        try {
            return seconds == null ? null : Instant.ofEpochSecond(Long.parseLong(seconds));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The attempt the PSP echoes in metadata; for an intent without it, the attempt that created the intent. */
    private static int attemptOf(PspObject intent, PaymentOrder order) {
        if (intent.attempt() != null) {
            return WebhookProcessor.parseAttempt(intent.attempt());
        }
        return intent.id() != null && intent.id().equals(order.pspReference()) ? order.attempt() : -1;
    }

    private static PaymentIntent intent(PspObject object) {
        Map<String, String> metadata = new HashMap<>(4);
        if (object.paymentOrderId() != null) {
            metadata.put("payment_order_id", object.paymentOrderId());
        }
        if (object.attempt() != null) {
            metadata.put("attempt", object.attempt());
        }
        return new PaymentIntent(object.id(), object.status(), object.amount(), object.currency(), metadata,
                object.declineCode(), object.failureMessage());
    }
}
