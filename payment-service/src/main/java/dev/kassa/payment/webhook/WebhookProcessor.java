package dev.kassa.payment.webhook;

import dev.kassa.payment.execution.PaymentExecutor;
import dev.kassa.payment.execution.RefundExecutor;
import dev.kassa.payment.observability.PaymentMdc;
import dev.kassa.payment.order.PaymentOrder;
import dev.kassa.payment.order.PaymentOrderRepository;
import dev.kassa.payment.psp.PaymentIntent;
import dev.kassa.payment.psp.PspRefund;
import dev.kassa.payment.refund.Refund;
import dev.kassa.payment.refund.RefundRepository;
import dev.kassa.payment.result.ResultSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Applies one verified PSP event, in ONE transaction with its dedupe row: a redelivered event id changes
 * nothing; the result goes through the same result-applying code as the PSP's synchronous answer.
 */
@Component
public class WebhookProcessor {

    private static final Logger log = LoggerFactory.getLogger(WebhookProcessor.class);

    private final WebhookEventStore events;
    private final PaymentOrderRepository orders;
    private final RefundRepository refunds;
    private final PaymentExecutor payments;
    private final RefundExecutor refundExecutor;

    public WebhookProcessor(WebhookEventStore events, PaymentOrderRepository orders, RefundRepository refunds,
                            PaymentExecutor payments, RefundExecutor refundExecutor) {
        this.events = events;
        this.orders = orders;
        this.refunds = refunds;
        this.payments = payments;
        this.refundExecutor = refundExecutor;
    }

    /** A verified event: {@code {id, type, created, data: {object}}}. */
    public record PspEvent(String id, String type, JsonNode object, String rawJson) {
    }

    @Transactional
    public WebhookOutcome process(PspEvent event) {
        String objectId = text(event.object(), "id");
        if (!events.insertIfAbsent(event.id(), event.type(), objectId)) {
            log.info("PSP event {} ({}) received again: acknowledged, not applied twice", event.id(), event.type());
            return WebhookOutcome.DUPLICATE;
        }
        Result result = switch (event.type()) {
            case "payment_intent.succeeded", "payment_intent.payment_failed" -> paymentIntent(event);
            case "refund.succeeded", "refund.failed" -> refund(event);
            default -> new Result(WebhookOutcome.IGNORED, "event type not acted on");
        };
        events.recordOutcome(event.id(), result.outcome(), result.detail(), event.rawJson());
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
        String orderId = intent.metadata().get("payment_order_id");
        Optional<PaymentOrder> found = orderId != null ? orders.find(orderId) : orders.findByPspReference(intent.id());
        if (found.isEmpty()) {
            return new Result(WebhookOutcome.UNMATCHED, "no payment order for intent " + intent.id());
        }
        PaymentOrder order = found.get();
        try (PaymentMdc mdc = PaymentMdc.of(order.checkoutId(), order.paymentOrderId())) {
            int attempt = attemptOf(intent, order);
            if (attempt != order.attempt()) {
                log.info("PSP event {} is for attempt {} but the order is on attempt {}: ignored", event.id(), attempt,
                        order.attempt());
                return new Result(WebhookOutcome.IGNORED, "attempt " + attempt + " superseded");
            }
            boolean applied = payments.apply(order, intent, ResultSource.WEBHOOK);
            return new Result(applied ? WebhookOutcome.APPLIED : WebhookOutcome.IGNORED,
                    applied ? intent.status() : "order already " + order.status());
        }
    }

    private Result refund(PspEvent event) {
        JsonNode object = event.object();
        PspRefund answer = new PspRefund(text(object, "id"), text(object, "status"), object.path("amount").asLong(),
                text(object, "payment_intent"), text(object, "failure_reason"));
        String refundId = text(object.path("metadata"), "refund_id");
        Optional<Refund> found = refundId != null ? refunds.find(refundId) : Optional.empty();
        if (found.isEmpty() && answer.id() != null) {
            found = refunds.findByPspReference(answer.id());
        }
        if (found.isEmpty()) {
            return new Result(WebhookOutcome.UNMATCHED, "no refund for " + answer.id());
        }
        Refund refund = found.get();
        PaymentOrder order = orders.find(refund.paymentOrderId()).orElseThrow();
        try (PaymentMdc mdc = PaymentMdc.of(order.checkoutId(), order.paymentOrderId())) {
            boolean applied = refundExecutor.apply(refund, answer, ResultSource.WEBHOOK);
            return new Result(applied ? WebhookOutcome.APPLIED : WebhookOutcome.IGNORED,
                    applied ? answer.status() : "refund already " + refund.status());
        }
    }

    /** The attempt the PSP echoes in metadata; for an intent without it, the attempt that created the intent. */
    private static int attemptOf(PaymentIntent intent, PaymentOrder order) {
        String attempt = intent.metadata().get("attempt");
        if (attempt != null) {
            try {
                return Integer.parseInt(attempt);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return intent.id() != null && intent.id().equals(order.pspReference()) ? order.attempt() : -1;
    }

    private static PaymentIntent intent(JsonNode object) {
        Map<String, String> metadata = new LinkedHashMap<>();
        object.path("metadata").properties().forEach(e -> metadata.put(e.getKey(), e.getValue().asString()));
        JsonNode lastError = object.path("last_payment_error");
        String declineCode = null;
        String message = null;
        if (lastError.isObject()) {
            declineCode = text(lastError, "decline_code") != null ? text(lastError, "decline_code") : text(lastError, "code");
            message = text(lastError, "message");
        }
        return new PaymentIntent(text(object, "id"), text(object, "status"), object.path("amount").asLong(),
                text(object, "currency"), metadata, declineCode, message);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
