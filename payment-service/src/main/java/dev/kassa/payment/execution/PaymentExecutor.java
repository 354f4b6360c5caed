package dev.kassa.payment.execution;

import dev.kassa.payment.order.ExecutionResult;
import dev.kassa.payment.order.PaymentOrder;
import dev.kassa.payment.order.PaymentOrders;
import dev.kassa.payment.psp.PaymentIntent;
import dev.kassa.payment.psp.PspClient;
import dev.kassa.payment.psp.PspRejectedException;
import dev.kassa.payment.result.PaymentResults;
import dev.kassa.payment.result.PaymentResults.Resolution;
import dev.kassa.payment.result.ResultSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Charges one payment order at the PSP, in two steps that {@link PspRequestBatch} runs apart: the call,
 * outside any transaction, and the application of its answer, in the transaction of a whole wave of answers.
 * The janitor runs both at once ({@link #charge}); a webhook applies an intent it was sent ({@link #apply}).
 */
@Component
public class PaymentExecutor {

    private static final Logger log = LoggerFactory.getLogger(PaymentExecutor.class);

    private final PaymentOrders orders;
    private final PspClient psp;
    private final PaymentResults results;

    public PaymentExecutor(PaymentOrders orders, PspClient psp, PaymentResults results) {
        this.orders = orders;
        this.psp = psp;
        this.results = results;
    }

    /**
     * Creates the payment intent for the order's current attempt (again, with the same key, when the
     * janitor asks: the PSP then replays its first answer) and applies the answer.
     *
     * @return whether a result was applied
     */
    public boolean charge(PaymentOrder order, String paymentMethodToken, ResultSource source) {
        return apply(order, call(order, paymentMethodToken), source);
    }

    /**
     * The PSP call alone, with no transaction and no connection held: creates the payment intent for the
     * order's current attempt with its idempotency key. A {@link dev.kassa.payment.psp.PspRetryableException}
     * escapes: whether the PSP acted is unknown, and asking again with the same key is safe.
     */
    public ChargeAnswer call(PaymentOrder order, String paymentMethodToken) {
        try {
            return new ChargeAnswer(psp.createPaymentIntent(order.amountMinor(), order.currency(), paymentMethodToken,
                    metadata(order), order.idempotencyKey()), null);
        } catch (PspRejectedException rejected) {
            return new ChargeAnswer(null, rejected);
        }
    }

    /**
     * Applies what the PSP answered to {@link #call}; joins the caller's transaction if there is one.
     *
     * @return whether a result was applied
     */
    public boolean apply(PaymentOrder order, ChargeAnswer answer, ResultSource source) {
        return applied(resultOf(order, answer), source);
    }

    /** What the PSP said to a charge: the intent it created (or replayed), or its refusal of the request. */
    public record ChargeAnswer(PaymentIntent intent, PspRejectedException refusal) {
    }

    /**
     * Turns an intent's status into the order's result; an intent still processing waits for its webhook.
     *
     * @return whether a result was applied (false: still processing, or already resolved)
     */
    public boolean apply(PaymentOrder order, PaymentIntent intent, ResultSource source) {
        return applied(resultOf(order, intent), source);
    }

    private boolean applied(Optional<ExecutionResult> result, ResultSource source) {
        return result.isPresent() && results.paymentsResolved(List.of(new Resolution(result.get())), source) == 1;
    }

    /**
     * The final result the PSP's answer to {@link #call} gives the order, for {@link PaymentResults} to apply (the
     * executor applies a wave's together); empty when there is none yet, see {@link #resultOf(PaymentOrder,
     * PaymentIntent)}. Joins the caller's transaction.
     */
    public Optional<ExecutionResult> resultOf(PaymentOrder order, ChargeAnswer answer) {
        if (answer.refusal() != null) {
            PspRejectedException rejected = answer.refusal();
            log.warn("PSP refused the charge: {}", rejected.getMessage());
            return Optional.of(ExecutionResult.failed(order.paymentOrderId(), order.attempt(), null, rejected.code(),
                    rejected.getMessage()));
        }
        return resultOf(order, answer.intent());
    }

    /**
     * The final result an intent gives the order; empty while it is still processing (its id is recorded, and
     * its webhook brings the result) and when it is for other money than the order (an operator decides).
     */
    public Optional<ExecutionResult> resultOf(PaymentOrder order, PaymentIntent intent) {
        if (!intent.pending() && !sameMoney(order, intent)) {
            // Signed or not, a result for other money than we asked for is not ours to book: an operator decides.
            log.error("PSP intent {} ({}) is for {} {} minor but the order is {} {} minor: result NOT applied",
                    intent.id(), intent.status(), intent.amount(), intent.currency(), order.amountMinor(),
                    order.currency());
            return Optional.empty();
        }
        if (intent.succeeded()) {
            return Optional.of(ExecutionResult.succeeded(order.paymentOrderId(), order.attempt(), intent.id()));
        }
        if (intent.failed()) {
            return Optional.of(ExecutionResult.failed(order.paymentOrderId(), order.attempt(), intent.id(),
                    intent.failureCode(), intent.failureMessage()));
        }
        orders.recordPspReference(order.paymentOrderId(), order.attempt(), intent.id());
        log.info("PSP intent {} is {}: the result comes by webhook", intent.id(), intent.status());
        return Optional.empty();
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
