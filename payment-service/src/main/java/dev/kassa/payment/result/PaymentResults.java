package dev.kassa.payment.result;

import dev.kassa.messaging.consumer.AfterCommit;
import dev.kassa.payment.checkout.Checkouts;
import dev.kassa.payment.events.PaymentEvents;
import dev.kassa.payment.observability.PaymentMdc;
import dev.kassa.messaging.consumer.EventTracing;
import dev.kassa.payment.order.ChangeCause;
import dev.kassa.payment.order.ExecutionResult;
import dev.kassa.payment.order.PaymentOrder;
import dev.kassa.payment.order.PaymentOrders;
import dev.kassa.payment.refund.Refund;
import dev.kassa.payment.refund.Refunds;
import dev.kassa.payment.risk.RiskCheck;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ONE place where a PSP result becomes state: the synchronous answer, a webhook and the janitor all
 * come here. Each method is one transaction with the guarded state change and its outbox row to
 * {@code payment.results}; a result that does not fit the current state (late, duplicate, for an older
 * attempt) changes nothing, is logged, and returns false.
 */
@Component
public class PaymentResults {

    private static final Logger log = LoggerFactory.getLogger(PaymentResults.class);
    static final String METRIC = "kassa.payment.results";

    private final PaymentOrders orders;
    private final Refunds refunds;
    private final Checkouts checkouts;
    private final PaymentEvents events;
    private final MeterRegistry meters;
    private final RiskCheck risk;

    public PaymentResults(PaymentOrders orders, Refunds refunds, Checkouts checkouts, PaymentEvents events,
                          MeterRegistry meters, RiskCheck risk) {
        this.risk = risk;
        this.orders = orders;
        this.refunds = refunds;
        this.checkouts = checkouts;
        this.events = events;
        this.meters = meters;
    }

    /**
     * The PSP's final answers to many orders, applied by one statement (the executor applies a wave's answers
     * together); each applied one publishes its event in the trace its {@link Resolution} names.
     *
     * @return how many applied; the others were late or duplicate and changed nothing
     */
    @Transactional
    public int paymentsResolved(List<Resolution> resolutions, ResultSource source) {
        if (resolutions.isEmpty()) {
            return 0;
        }
        Map<String, PaymentOrder> applied = orders.resolveExecutions(causeOf(source),
                        resolutions.stream().map(Resolution::result).toList()).stream()
                .collect(Collectors.toMap(PaymentOrder::paymentOrderId, Function.identity()));
        int count = 0;
        List<String> declined = new ArrayList<>();
        for (Resolution resolution : resolutions) {
            ExecutionResult result = resolution.result();
            PaymentOrder order = applied.get(result.paymentOrderId());
            if (order == null) {
                ignored(result.succeeded() ? "payment_succeeded" : "payment_failed", result.paymentOrderId(),
                        result.attempt(), source);
                continue;
            }
            try (EventTracing.Scope trace = resolution.trace().get();
                 PaymentMdc mdc = PaymentMdc.of(order.checkoutId(), order.paymentOrderId())) {
                count += result.succeeded() ? succeeded(order, source) : failed(order, source);
            }
            if (!result.succeeded()) {
                declined.add(order.paymentOrderId());
            }
        }
        // The velocity rules count what the PSP declined (one statement, and only when something was).
        risk.declined(declined);
        return count;
    }

    /**
     * Charges the risk check stopped before the PSP was called: each order fails ({@code NOT_STARTED → FAILED}, one
     * statement) with its event, as a declined one does; the check's decision is recorded with it.
     *
     * @return the stops that took effect; an order no longer NOT_STARTED (another executor started it) is absent
     */
    @Transactional
    public List<RiskCheck.Stop> paymentsStopped(List<RiskCheck.Stop> stops) {
        if (stops.isEmpty()) {
            return List.of();
        }
        Map<String, PaymentOrder> failed = orders.failBeforeExecution(stops.stream()
                        .map(stop -> ExecutionResult.failed(stop.paymentOrderId(), stop.attempt(), null,
                                RiskCheck.FAILURE_CODE, stop.message()))
                        .toList()).stream()
                .collect(Collectors.toMap(PaymentOrder::paymentOrderId, Function.identity()));
        List<RiskCheck.Stop> applied = stops.stream().filter(stop -> failed.containsKey(stop.paymentOrderId())).toList();
        for (RiskCheck.Stop stop : applied) {
            PaymentOrder order = failed.get(stop.paymentOrderId());
            try (PaymentMdc mdc = PaymentMdc.of(order.checkoutId(), order.paymentOrderId())) {
                failed(order, ResultSource.RISK_CHECK);
            }
        }
        risk.recordStops(applied);
        return applied;
    }

    /**
     * One PSP answer to apply, and the trace its result event continues (the execution request's, for the
     * executor; for a webhook or the janitor, the one current).
     */
    public record Resolution(ExecutionResult result, Supplier<EventTracing.Scope> trace) {

        public Resolution(ExecutionResult result) {
            this(result, () -> EventTracing.Scope.NONE);
        }
    }

    private int succeeded(PaymentOrder order, ResultSource source) {
        events.succeeded(order);
        log.info("Payment order SUCCEEDED (attempt {}, {} {} minor, psp {}, via {})", order.attempt(),
                order.amountMinor(), order.currency(), order.pspReference(), source.tag());
        count("payment_succeeded", source);
        return 1;
    }

    private int failed(PaymentOrder order, ResultSource source) {
        events.failed(order);
        log.info("Payment order FAILED (attempt {}, code {}, psp {}, via {})", order.attempt(), order.failureCode(),
                order.pspReference(), source.tag());
        // A failed order needs no confirmation: it may be the last one its checkout waited for.
        if (checkouts.completeIfDone(order.checkoutId())) {
            log.info("Checkout COMPLETED");
        }
        count("payment_failed", source);
        return 1;
    }

    /** The PSP refunded the money. */
    @Transactional
    public boolean refundSucceeded(String refundId, String pspRefundReference, ResultSource source) {
        Optional<Refund> applied = refunds.markSucceeded(refundId, pspRefundReference);
        if (applied.isEmpty()) {
            return ignored("refund_succeeded", refundId, 0, source);
        }
        Refund refund = applied.get();
        PaymentOrder order = settle(refund, true);
        try (PaymentMdc mdc = PaymentMdc.of(order.checkoutId(), order.paymentOrderId())) {
            events.refundSucceeded(refund, order);
            log.info("Refund {} SUCCEEDED ({} {} minor, psp {}, via {})", refundId, refund.amountMinor(),
                    refund.currency(), refund.pspRefundReference(), source.tag());
            return count("refund_succeeded", source);
        }
    }

    /** The PSP refused or failed the refund: the reserved amount becomes refundable again. */
    @Transactional
    public boolean refundFailed(String refundId, String pspRefundReference, String failureCode, String failureMessage,
                                ResultSource source) {
        Optional<Refund> applied = refunds.markFailed(refundId, pspRefundReference, failureCode, failureMessage);
        if (applied.isEmpty()) {
            return ignored("refund_failed", refundId, 0, source);
        }
        Refund refund = applied.get();
        PaymentOrder order = settle(refund, false);
        try (PaymentMdc mdc = PaymentMdc.of(order.checkoutId(), order.paymentOrderId())) {
            events.refundFailed(refund, order);
            log.info("Refund {} FAILED (code {}, via {})", refundId, failureCode, source.tag());
            return count("refund_failed", source);
        }
    }

    private PaymentOrder settle(Refund refund, boolean refunded) {
        if (!orders.settleRefund(refund.paymentOrderId(), refund.amountMinor(), refunded)) {
            // Cannot happen while every refund reserves its amount first; refuse rather than corrupt the sums.
            throw new IllegalStateException("Refund " + refund.refundId() + " has no reserved amount on its order");
        }
        return orders.findById(refund.paymentOrderId()).orElseThrow();
    }

    /** For the order's history; free after the first result of a transaction (the executor's wave applies many). */
    private static ChangeCause causeOf(ResultSource source) {
        return switch (source) {
            case PSP_RESPONSE -> ChangeCause.PSP_ANSWER;
            case WEBHOOK -> ChangeCause.WEBHOOK;
            case JANITOR -> ChangeCause.JANITOR;
            case RISK_CHECK -> ChangeCause.RISK_CHECK;
        };
    }

    private boolean count(String result, ResultSource source) {
        Counter applied = Counter.builder(METRIC)
                .description("PSP results applied (applied=true) or ignored as late or duplicate")
                .tag("result", result).tag("source", source.tag()).tag("applied", "true").register(meters);
        // Only what committed: a wave whose transaction rolls back is applied again one answer at a time.
        AfterCommit.run(applied::increment);
        return true;
    }

    private boolean ignored(String result, String id, int attempt, ResultSource source) {
        log.info("Ignored {} for {} (attempt {}) via {}: already resolved or not the current attempt",
                result, id, attempt, source.tag());
        Counter ignored = Counter.builder(METRIC)
                .description("PSP results applied (applied=true) or ignored as late or duplicate")
                .tag("result", result).tag("source", source.tag()).tag("applied", "false").register(meters);
        AfterCommit.run(ignored::increment);
        return false;
    }
}
