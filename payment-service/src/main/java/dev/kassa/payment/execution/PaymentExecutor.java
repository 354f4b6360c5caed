package dev.kassa.payment.execution;

import dev.kassa.messaging.consumer.InvalidEventException;
import dev.kassa.payment.observability.PaymentMdc;
import dev.kassa.payment.order.PaymentOrder;
import dev.kassa.payment.order.PaymentOrderRepository;
import dev.kassa.payment.psp.PaymentIntent;
import dev.kassa.payment.psp.PspClient;
import dev.kassa.payment.psp.PspRejectedException;
import dev.kassa.payment.result.PaymentResults;
import dev.kassa.payment.result.ResultSource;
import dev.kassa.schemas.event.PaymentOrderExecutionRequested;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Charges one payment order at the PSP. Runs in the consumer's transaction (with its inbox row); a
 * {@link dev.kassa.payment.psp.PspRetryableException} escapes so that the record goes through the
 * group's retry topics and then its dead-letter topic, each time with the same idempotency key.
 */
@Component
public class PaymentExecutor {

    private static final Logger log = LoggerFactory.getLogger(PaymentExecutor.class);

    private final ExecutionStart start;
    private final PaymentOrderRepository orders;
    private final PspClient psp;
    private final PaymentResults results;

    public PaymentExecutor(ExecutionStart start, PaymentOrderRepository orders, PspClient psp, PaymentResults results) {
        this.start = start;
        this.orders = orders;
        this.psp = psp;
        this.results = results;
    }

    public void execute(PaymentOrderExecutionRequested request) {
        try (PaymentMdc mdc = PaymentMdc.of(request.getCheckoutId(), request.getPaymentOrderId())) {
            if (request.getAttempt() < 1) {
                throw new InvalidEventException("attempt must be >= 1, was " + request.getAttempt());
            }
            Optional<PaymentOrder> executing = start.begin(request.getPaymentOrderId(), request.getAttempt());
            if (executing.isEmpty()) {
                log.info("Execution request for attempt {} skipped: the order is resolved or on another attempt",
                        request.getAttempt());
                return;
            }
            charge(executing.get(), request.getPaymentMethodToken(), ResultSource.PSP_RESPONSE);
        }
    }

    /**
     * Creates the payment intent for the order's current attempt (again, with the same key, when the
     * janitor asks: the PSP then replays its first answer) and applies the answer.
     *
     * @return whether a result was applied
     */
    public boolean charge(PaymentOrder order, String paymentMethodToken, ResultSource source) {
        PaymentIntent intent;
        try {
            intent = psp.createPaymentIntent(order.amountMinor(), order.currency(), paymentMethodToken,
                    metadata(order), order.idempotencyKey());
        } catch (PspRejectedException rejected) {
            log.warn("PSP refused the charge: {}", rejected.getMessage());
            return results.paymentFailed(order.paymentOrderId(), order.attempt(), null, rejected.code(),
                    rejected.getMessage(), source);
        }
        return apply(order, intent, source);
    }

    /**
     * Turns an intent's status into the order's result; an intent still processing waits for its webhook.
     *
     * @return whether a result was applied (false: still processing, or already resolved)
     */
    public boolean apply(PaymentOrder order, PaymentIntent intent, ResultSource source) {
        if (!intent.pending() && !sameMoney(order, intent)) {
            // Signed or not, a result for other money than we asked for is not ours to book: an operator decides.
            log.error("PSP intent {} ({}) is for {} {} minor but the order is {} {} minor: result NOT applied",
                    intent.id(), intent.status(), intent.amount(), intent.currency(), order.amountMinor(),
                    order.currency());
            return false;
        }
        if (intent.succeeded()) {
            return results.paymentSucceeded(order.paymentOrderId(), order.attempt(), intent.id(), source);
        }
        if (intent.failed()) {
            return results.paymentFailed(order.paymentOrderId(), order.attempt(), intent.id(), intent.failureCode(),
                    intent.failureMessage(), source);
        }
        orders.recordPspReference(order.paymentOrderId(), order.attempt(), intent.id());
        log.info("PSP intent {} is {}: the result comes by webhook", intent.id(), intent.status());
        return false;
    }

    private static boolean sameMoney(PaymentOrder order, PaymentIntent intent) {
        return intent.amount() == order.amountMinor() && order.currency().equalsIgnoreCase(intent.currency());
    }

    /** What the PSP echoes back in webhooks, so that a webhook finds its order and attempt without a lookup race. */
    static Map<String, String> metadata(PaymentOrder order) {
        return Map.of("payment_order_id", order.paymentOrderId(),
                "checkout_id", order.checkoutId(),
                "attempt", Integer.toString(order.attempt()));
    }
}
