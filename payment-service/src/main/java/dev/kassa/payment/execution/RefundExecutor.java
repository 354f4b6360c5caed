package dev.kassa.payment.execution;

import dev.kassa.messaging.consumer.InvalidEventException;
import dev.kassa.payment.observability.PaymentMdc;
import dev.kassa.payment.psp.PspClient;
import dev.kassa.payment.psp.PspRefund;
import dev.kassa.payment.psp.PspRejectedException;
import dev.kassa.payment.refund.Refund;
import dev.kassa.payment.refund.RefundRepository;
import dev.kassa.payment.refund.RefundStatus;
import dev.kassa.payment.result.PaymentResults;
import dev.kassa.payment.result.ResultSource;
import dev.kassa.schemas.event.RefundExecutionRequested;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Refunds at the PSP; like {@link PaymentExecutor}, transient PSP failures escape into the retry topics. */
@Component
public class RefundExecutor {

    private static final Logger log = LoggerFactory.getLogger(RefundExecutor.class);

    private final RefundRepository refunds;
    private final PspClient psp;
    private final PaymentResults results;

    public RefundExecutor(RefundRepository refunds, PspClient psp, PaymentResults results) {
        this.refunds = refunds;
        this.psp = psp;
        this.results = results;
    }

    public void execute(RefundExecutionRequested request) {
        try (PaymentMdc mdc = PaymentMdc.of(request.getCheckoutId(), request.getPaymentOrderId())) {
            Refund refund = refunds.find(request.getRefundId())
                    .orElseThrow(() -> new InvalidEventException("Unknown refund " + request.getRefundId()));
            if (refund.status() != RefundStatus.REQUESTED || refund.attempt() != request.getAttempt()) {
                log.info("Refund {} is {} (attempt {}): execution request skipped", refund.refundId(), refund.status(),
                        refund.attempt());
                return;
            }
            refund(refund, request.getPspReference(), ResultSource.PSP_RESPONSE);
        }
    }

    /**
     * Creates the PSP refund with the refund attempt's key (again, when the janitor asks) and applies the answer.
     *
     * @return whether a result was applied
     */
    public boolean refund(Refund refund, String paymentIntentId, ResultSource source) {
        PspRefund answer;
        try {
            answer = psp.createRefund(paymentIntentId, refund.amountMinor(),
                    Map.of("refund_id", refund.refundId(), "payment_order_id", refund.paymentOrderId()),
                    refund.idempotencyKey());
        } catch (PspRejectedException rejected) {
            log.warn("PSP refused refund {}: {}", refund.refundId(), rejected.getMessage());
            return results.refundFailed(refund.refundId(), null, rejected.code(), rejected.getMessage(), source);
        }
        return apply(refund, answer, source);
    }

    /** @return whether a result was applied (false: still pending, or already resolved) */
    public boolean apply(Refund refund, PspRefund answer, ResultSource source) {
        if (answer.succeeded()) {
            return results.refundSucceeded(refund.refundId(), answer.id(), source);
        }
        if (answer.failed()) {
            return results.refundFailed(refund.refundId(), answer.id(),
                    answer.failureReason() != null ? answer.failureReason() : "refund_failed", null, source);
        }
        refunds.markPending(refund.refundId(), refund.attempt(), answer.id());
        log.info("PSP refund {} is {}: the result comes by webhook", answer.id(), answer.status());
        return false;
    }
}
