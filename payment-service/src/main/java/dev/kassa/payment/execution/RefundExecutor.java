package dev.kassa.payment.execution;

import dev.kassa.payment.psp.PspClient;
import dev.kassa.payment.psp.PspRefund;
import dev.kassa.payment.psp.PspRejectedException;
import dev.kassa.payment.refund.Refund;
import dev.kassa.payment.refund.Refunds;
import dev.kassa.payment.result.PaymentResults;
import dev.kassa.payment.result.ResultSource;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Refunds at the PSP; like {@link PaymentExecutor}, the call and the application of its answer are two steps,
 * and transient PSP failures escape into the retry topics.
 */
@Component
public class RefundExecutor {

    private static final Logger log = LoggerFactory.getLogger(RefundExecutor.class);

    private final Refunds refunds;
    private final PspClient psp;
    private final PaymentResults results;

    public RefundExecutor(Refunds refunds, PspClient psp, PaymentResults results) {
        this.refunds = refunds;
        this.psp = psp;
        this.results = results;
    }

    /**
     * Creates the PSP refund with the refund attempt's key (again, when the janitor asks) and applies the answer.
     *
     * @return whether a result was applied
     */
    public boolean refund(Refund refund, String paymentIntentId, ResultSource source) {
        return apply(refund, call(refund, paymentIntentId), source);
    }

    /** The PSP call alone, with no transaction held; a {@link dev.kassa.payment.psp.PspRetryableException} escapes. */
    public RefundAnswer call(Refund refund, String paymentIntentId) {
        try {
            return new RefundAnswer(psp.createRefund(paymentIntentId, refund.amountMinor(),
                    Map.of("refund_id", refund.refundId(), "payment_order_id", refund.paymentOrderId()),
                    refund.idempotencyKey()), null);
        } catch (PspRejectedException rejected) {
            return new RefundAnswer(null, rejected);
        }
    }

    /** Applies what the PSP answered to {@link #call}; joins the caller's transaction if there is one. */
    public boolean apply(Refund refund, RefundAnswer answer, ResultSource source) {
        if (answer.refusal() != null) {
            PspRejectedException rejected = answer.refusal();
            log.warn("PSP refused refund {}: {}", refund.refundId(), rejected.getMessage());
            return results.refundFailed(refund.refundId(), null, rejected.code(), rejected.getMessage(), source);
        }
        return apply(refund, answer.refund(), source);
    }

    /** What the PSP said to a refund: the refund it created (or replayed), or its refusal of the request. */
    public record RefundAnswer(PspRefund refund, PspRejectedException refusal) {
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
