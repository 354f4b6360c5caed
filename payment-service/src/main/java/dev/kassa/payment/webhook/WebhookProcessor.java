package dev.kassa.payment.webhook;

import dev.kassa.payment.psp.PaymentIntent;
import dev.kassa.payment.psp.PspRefund;
import dev.kassa.payment.webhook.PspEvent.PspObject;
import dev.kassa.payment.webhook.WebhookEventChecks.Check;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Handles one verified PSP event. Most events repeat a result that is already applied: every synchronous
 * charge and refund is answered in the HTTP response AND announced again by a webhook. Those are recorded
 * (for audit, deduplicated on the event id) by ONE statement that also checks the state, without a
 * transaction, lock or state change; only an event the state does not reflect yet takes the full path
 * ({@link WebhookStateChange}): its transaction, the guarded update and the outbox row.
 */
@Component
class WebhookProcessor {

    static final String PAYMENT_SUCCEEDED = "payment_intent.succeeded";
    static final String PAYMENT_FAILED = "payment_intent.payment_failed";
    /**
     * Stripe's refund events, {@code refund.created}, {@code refund.updated} and {@code refund.failed}, all carry the
     * refund; its status decides (succeeded; failed or canceled; pending: not yet), whatever the type says.
     * {@code charge.refunded} carries the charge instead and is recorded as not acted on, as is every other type.
     */
    static final String REFUND_EVENTS = "refund.";
    /**
     * Stripe's dispute events, {@code charge.dispute.created}, {@code .funds_withdrawn}, {@code .updated},
     * {@code .closed} and {@code .funds_reinstated}: each carries the whole dispute (docs/architecture.md §15).
     */
    static final String DISPUTE_EVENTS = "charge.dispute.";

    /** The meter the result-applying code counts late or duplicate results with; the fast path counts here too. */
    private static final String RESULTS_METRIC = "kassa.payment.results";

    private static final Logger log = LoggerFactory.getLogger(WebhookProcessor.class);

    private final WebhookEvents events;
    private final WebhookStateChange stateChange;
    private final Counter paymentSucceededIgnored;
    private final Counter paymentFailedIgnored;
    private final Counter refundSucceededIgnored;
    private final Counter refundFailedIgnored;

    public WebhookProcessor(WebhookEvents events, WebhookStateChange stateChange, MeterRegistry meters) {
        this.events = events;
        this.stateChange = stateChange;
        this.paymentSucceededIgnored = ignoredResults(meters, "payment_succeeded");
        this.paymentFailedIgnored = ignoredResults(meters, "payment_failed");
        this.refundSucceededIgnored = ignoredResults(meters, "refund_succeeded");
        this.refundFailedIgnored = ignoredResults(meters, "refund_failed");
    }

    public WebhookOutcome process(PspEvent event) {
        return switch (event.type()) {
            case PAYMENT_SUCCEEDED, PAYMENT_FAILED -> paymentIntent(event);
            case String type when isRefundEvent(type) -> refund(event);
            // Rare, and each may change a dispute: always the full path.
            case String type when isDisputeEvent(type) -> stateChange.apply(event);
            default -> events.recordNotActedOn(event.id(), event.type(), event.object().id())
                    ? WebhookOutcome.IGNORED : duplicate(event);
        };
    }

    private WebhookOutcome paymentIntent(PspEvent event) {
        PspObject intent = event.object();
        // The executor's own reading of an intent's status, so both paths agree on what is final.
        PaymentIntent result = new PaymentIntent(intent.id(), intent.status(), 0, null, null, null, null);
        int attempt = intent.attempt() == null ? -1 : parseAttempt(intent.attempt());
        if (result.pending() || intent.id() == null || intent.paymentOrderId() == null || attempt < 1
                || intent.currency() == null) {
            return stateChange.apply(event);
        }
        Check check = events.recordIfPaymentApplied(event, result.succeeded() ? "SUCCEEDED" : "FAILED", attempt,
                intent.currency());
        return outcome(event, check, result.succeeded() ? paymentSucceededIgnored : paymentFailedIgnored);
    }

    private WebhookOutcome refund(PspEvent event) {
        PspObject refund = event.object();
        PspRefund result = new PspRefund(refund.id(), refund.status(), 0, null, null);
        if (result.pending() || refund.id() == null || refund.refundId() == null) {
            return stateChange.apply(event);
        }
        Check check = events.recordIfRefundApplied(event, result.succeeded() ? "SUCCEEDED" : "FAILED");
        return outcome(event, check, result.succeeded() ? refundSucceededIgnored : refundFailedIgnored);
    }

    private WebhookOutcome outcome(PspEvent event, Check check, Counter ignored) {
        return switch (check) {
            case RECORDED -> {
                ignored.increment();
                log.debug("PSP event {} ({}) repeats the result of {}, applied before: recorded", event.id(),
                        event.type(), event.object().id());
                yield WebhookOutcome.IGNORED;
            }
            case DUPLICATE -> duplicate(event);
            case NOT_APPLIED -> stateChange.apply(event);
        };
    }

    private static WebhookOutcome duplicate(PspEvent event) {
        log.info("PSP event {} ({}) received again: acknowledged, not applied twice", event.id(), event.type());
        return WebhookOutcome.DUPLICATE;
    }

    private static Counter ignoredResults(MeterRegistry meters, String result) {
        return Counter.builder(RESULTS_METRIC)
                .description("PSP results applied (applied=true) or ignored as late or duplicate")
                .tag("result", result).tag("source", "webhook").tag("applied", "false").register(meters);
    }

    static boolean isRefundEvent(String type) {
        return type.startsWith(REFUND_EVENTS);
    }

    static boolean isDisputeEvent(String type) {
        return type.startsWith(DISPUTE_EVENTS);
    }

    /** The attempt echoed in an intent's metadata; -1, an attempt no order has, when it is not a number. */
    static int parseAttempt(String attempt) {
        try {
            return Integer.parseInt(attempt);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
