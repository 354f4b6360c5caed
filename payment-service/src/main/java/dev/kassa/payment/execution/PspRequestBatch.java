package dev.kassa.payment.execution;

import dev.kassa.messaging.consumer.ConcurrentBatchHandler;
import dev.kassa.messaging.consumer.EventTracing;
import dev.kassa.messaging.consumer.InboundEvent;
import dev.kassa.messaging.consumer.InvalidEventException;
import dev.kassa.payment.PaymentProperties;
import dev.kassa.payment.observability.PaymentMdc;
import dev.kassa.payment.order.PaymentOrder;
import dev.kassa.payment.refund.Refund;
import dev.kassa.payment.refund.Refunds;
import dev.kassa.payment.refund.RefundStatus;
import dev.kassa.payment.result.PaymentResults;
import dev.kassa.payment.result.PaymentResults.Resolution;
import dev.kassa.payment.result.ResultSource;
import dev.kassa.schemas.event.PaymentOrderExecutionRequested;
import dev.kassa.schemas.event.RefundExecutionRequested;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The executor: takes a poll of {@code payment.psp-requests} and runs it wave by wave ({@link KeyWaves}, so the
 * requests of one payment order stay in order). A wave is three steps:
 * <ol>
 *   <li>one statement, committed at once, moves its orders to EXECUTING ({@link ExecutionStart});</li>
 *   <li>its PSP calls run concurrently on virtual threads ({@link PspCallLimiter}), with no transaction and
 *       no pooled connection held while they wait;</li>
 *   <li>the answers are applied as they come, those that came together in one transaction with their outbox
 *       rows, the charges' results by one statement; if it fails, each answer is applied in a transaction of its
 *       own.</li>
 * </ol>
 * A call that fails transiently (timeout, 5xx, 429, open circuit) or an answer that cannot be applied is
 * reported back, and the messaging library sends that request to the retry topics (then the dead-letter topic);
 * it is called again with the same idempotency key. The poll's offsets commit only after every answer is applied
 * or handed to the retry path, so a crash at any point delivers the request again, and the PSP replays its
 * first answer to the same key.
 */
@Component
class PspRequestBatch implements ConcurrentBatchHandler {

    private static final Logger log = LoggerFactory.getLogger(PspRequestBatch.class);
    private static final String PSP_CALL_SPAN = "psp call";
    private static final String APPLY_SPAN = "psp answer applied";

    private final ExecutionStart start;
    private final PaymentExecutor payments;
    private final RefundExecutor refundExecutor;
    private final Refunds refunds;
    private final PspCallLimiter limiter;
    private final PaymentResults results;
    private final TransactionTemplate transactions;
    private final EventTracing tracing;
    private final PollPacing pacing;

    PspRequestBatch(ExecutionStart start, PaymentExecutor payments, RefundExecutor refundExecutor,
                    Refunds refunds, PspCallLimiter limiter, PaymentResults results,
                    TransactionTemplate transactions, EventTracing tracing, PaymentProperties properties) {
        this.start = start;
        this.payments = payments;
        this.results = results;
        this.refundExecutor = refundExecutor;
        this.refunds = refunds;
        this.limiter = limiter;
        this.transactions = transactions;
        this.tracing = tracing;
        this.pacing = new PollPacing(properties.executor().minWaveInterval());
    }

    @Override
    public List<FailedEvent> handle(List<InboundEvent> events) {
        long started = pacing.pollStarted();
        List<FailedEvent> failures = new ArrayList<>();
        for (List<InboundEvent> wave : KeyWaves.of(events)) {
            callAndApply(prepare(wave, failures), failures);
        }
        // Every answer is applied; only the next poll waits, and the failures, which the listener sends to the retry
        // path once this returns (a retry waits seconds anyway).
        pacing.awaitNextPoll(started);
        return failures;
    }

    /** One request's PSP call; what it returns applies the answer (in the wave's transaction). */
    private record PspCall(InboundEvent event, Supplier<Applier> call) {
    }

    /**
     * Applies one answer in the current transaction: a charge's final result is added to {@code charges}, which
     * {@link PaymentResults} applies in one statement for all the answers of the transaction; anything else (a
     * refund, an intent still processing) takes effect at once.
     */
    @FunctionalInterface
    private interface Applier {
        void applyTo(List<Resolution> charges);
    }

    private record Answer(InboundEvent event, Applier apply) {
    }

    private List<PspCall> prepare(List<InboundEvent> wave, List<FailedEvent> failures) {
        List<InboundEvent> charges = new ArrayList<>(wave.size());
        List<PspCall> calls = new ArrayList<>(wave.size());
        for (InboundEvent event : wave) {
            try {
                switch (event.record()) {
                    case PaymentOrderExecutionRequested charge -> {
                        if (charge.getAttempt() < 1) {
                            throw new InvalidEventException("attempt must be >= 1, was " + charge.getAttempt());
                        }
                        charges.add(event);
                    }
                    case RefundExecutionRequested refund -> refundCall(event, refund).ifPresent(calls::add);
                    default -> throw new InvalidEventException("payment.psp-requests does not carry "
                            + event.record().getSchema().getFullName());
                }
            } catch (RuntimeException e) {
                failures.add(new FailedEvent(event, e));
            }
        }
        if (charges.isEmpty()) {
            return calls;
        }
        Map<String, PaymentOrder> executing;
        try {
            executing = start.begin(charges.stream()
                    .map(event -> (PaymentOrderExecutionRequested) event.record()).toList());
        } catch (RuntimeException e) {
            charges.forEach(event -> failures.add(new FailedEvent(event, e)));
            return calls;
        }
        for (InboundEvent event : charges) {
            PaymentOrderExecutionRequested request = (PaymentOrderExecutionRequested) event.record();
            PaymentOrder order = executing.get(request.getPaymentOrderId());
            if (order == null) {
                try (PaymentMdc mdc = PaymentMdc.of(request.getCheckoutId(), request.getPaymentOrderId())) {
                    log.info("Execution request for attempt {} skipped: the order is resolved or on another attempt",
                            request.getAttempt());
                }
                continue;
            }
            String token = request.getPaymentMethodToken();
            calls.add(new PspCall(event, () -> {
                PaymentExecutor.ChargeAnswer answer;
                try (PaymentMdc mdc = PaymentMdc.of(order.checkoutId(), order.paymentOrderId())) {
                    answer = payments.call(order, token);
                }
                return resolved -> payments.resultOf(order, answer).ifPresent(result -> resolved.add(
                        new Resolution(result, () -> tracing.continueTrace(event, APPLY_SPAN))));
            }));
        }
        return calls;
    }

    private Optional<PspCall> refundCall(InboundEvent event, RefundExecutionRequested request) {
        try (PaymentMdc mdc = PaymentMdc.of(request.getCheckoutId(), request.getPaymentOrderId())) {
            Refund refund = refunds.findById(request.getRefundId())
                    .orElseThrow(() -> new InvalidEventException("Unknown refund " + request.getRefundId()));
            if (refund.status() != RefundStatus.REQUESTED || refund.attempt() != request.getAttempt()) {
                log.info("Refund {} is {} (attempt {}): execution request skipped", refund.refundId(), refund.status(),
                        refund.attempt());
                return Optional.empty();
            }
            String intentId = request.getPspReference();
            return Optional.of(new PspCall(event, () -> {
                RefundExecutor.RefundAnswer answer;
                try (PaymentMdc inCall = PaymentMdc.of(request.getCheckoutId(), request.getPaymentOrderId())) {
                    answer = refundExecutor.call(refund, intentId);
                }
                return charges -> {
                    try (EventTracing.Scope trace = tracing.continueTrace(event, APPLY_SPAN)) {
                        refundExecutor.apply(refund, answer, ResultSource.PSP_RESPONSE);
                    }
                };
            }));
        }
    }

    /**
     * Runs the wave's calls concurrently and applies their answers as they come: whatever has come by the time the
     * previous transaction committed is applied in the next one, so no order waits for the wave's slowest call and
     * no row lock is held longer than one short transaction. A failed call is reported, never applied.
     */
    private void callAndApply(List<PspCall> calls, List<FailedEvent> failures) {
        BlockingQueue<Completed> completed = new LinkedBlockingQueue<>();
        try {
            for (PspCall call : calls) {
                limiter.start(() -> {
                    try (EventTracing.Scope trace = tracing.continueTrace(call.event(), PSP_CALL_SPAN)) {
                        return call.call().get();
                    }
                }).whenComplete((apply, error) -> completed.add(new Completed(call.event(), apply, error)));
            }
            for (int pending = calls.size(); pending > 0; ) {
                List<Completed> ready = new ArrayList<>();
                ready.add(completed.take());
                completed.drainTo(ready);
                pending -= ready.size();
                List<Answer> answers = new ArrayList<>(ready.size());
                for (Completed done : ready) {
                    if (done.error() == null) {
                        answers.add(new Answer(done.event(), done.apply()));
                    } else {
                        Throwable cause = done.error() instanceof CompletionException wrapped ? wrapped.getCause() : done.error();
                        failures.add(new FailedEvent(done.event(),
                                cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause)));
                    }
                }
                apply(answers, failures);
            }
        } catch (InterruptedException e) {
            // The container is stopping: nothing of this poll is committed, so all of it is delivered again (what
            // was applied already is not applied twice: the state guards and the PSP's idempotency keys see to it).
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling the PSP", e);
        }
    }

    private record Completed(InboundEvent event, Applier apply, Throwable error) {
    }

    private void apply(List<Answer> answers, List<FailedEvent> failures) {
        if (answers.isEmpty()) {
            return;
        }
        try {
            transactions.executeWithoutResult(status -> applyTogether(answers));
        } catch (RuntimeException together) {
            log.info("{} PSP answers failed to apply together ({}); applying them one transaction each",
                    answers.size(), together.toString());
            for (Answer answer : answers) {
                try {
                    transactions.executeWithoutResult(status -> applyTogether(List.of(answer)));
                } catch (RuntimeException alone) {
                    failures.add(new FailedEvent(answer.event(), alone));
                }
            }
        }
    }

    /**
     * What each answer publishes is in its request's trace (the refund's applier enters it, a charge's
     * {@link Resolution} names it), so that every result event carries the trace of the checkout behind it.
     */
    private void applyTogether(List<Answer> answers) {
        List<Resolution> charges = new ArrayList<>(answers.size());
        answers.forEach(answer -> answer.apply().applyTo(charges));
        results.paymentsResolved(charges, ResultSource.PSP_RESPONSE);
    }
}
