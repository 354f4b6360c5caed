package dev.kassa.payment.dispute;

import dev.kassa.payment.observability.PaymentMdc;
import dev.kassa.payment.order.PaymentOrder;
import dev.kassa.payment.order.PaymentOrderStatus;
import dev.kassa.payment.order.PaymentOrders;
import dev.kassa.payment.psp.PspClient;
import dev.kassa.payment.psp.PspRejectedException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a PSP's {@code charge.dispute.*} webhook says of a dispute, applied in the webhook's transaction (its event id
 * deduplicated there): every such event carries the whole dispute, so each one inserts it or moves it forward by one
 * guarded upsert, whatever order they arrive in, and the order's {@code dispute_status} follows. Then, whether or not
 * the status moved, the money its balance transactions show is recorded ({@link DisputeFunds}). Which event it was
 * (created, funds withdrawn, updated, closed, funds reinstated) matters only for the log: the dispute's state says it
 * all.
 */
@Component
public class DisputeWebhooks {

    private static final Logger log = LoggerFactory.getLogger(DisputeWebhooks.class);

    private final Disputes disputes;
    private final PaymentOrders orders;
    private final PspClient psp;
    private final DisputeFunds funds;

    DisputeWebhooks(Disputes disputes, PaymentOrders orders, PspClient psp, DisputeFunds funds) {
        this.disputes = disputes;
        this.orders = orders;
        this.psp = psp;
        this.funds = funds;
    }

    /**
     * A dispute as a webhook's {@code data.object} shows it; {@code evidenceDueBy} may be null, and
     * {@code balanceTransactions} empty (no money moved yet).
     */
    public record Notice(String eventType, String disputeId, String paymentIntent, long amountMinor, String currency,
                         String reason, String pspStatus, Instant evidenceDueBy,
                         List<BalanceTransaction> balanceTransactions) {
    }

    /**
     * One of the dispute's balance transactions as the PSP lists them: Stripe's {@code amount} and {@code fee} (minor
     * units) and {@code reporting_category}, {@code dispute} for the withdrawal (amount −A, the dispute fee) and
     * {@code dispute_reversal} for a won dispute's reversal (+A, the fee given back as a negative fee, or 0).
     */
    public record BalanceTransaction(long amountMinor, long feeMinor, String reportingCategory) {
    }

    /**
     * What became of a notice: {@code changed} (the dispute is new, moved forward, or its money was recorded) or not,
     * and why; {@code retryLater} when it must be delivered again (its money waits for the charge's own result).
     */
    public record Outcome(boolean matched, boolean changed, boolean retryLater, String detail) {

        static Outcome unmatched(String detail) {
            return new Outcome(false, false, false, detail);
        }

        static Outcome applied(boolean changed, String detail) {
            return new Outcome(true, changed, false, detail);
        }

        static Outcome later(String detail) {
            return new Outcome(true, false, true, detail);
        }
    }

    /**
     * The order the disputed intent charged: by its PSP reference, or, when the dispute came before the charge's own
     * answer was applied (a dispute test card opens it at once), by the {@code payment_order_id} the intent echoes at
     * the PSP. That question is rare (a dispute, early) and is the only PSP call in a webhook's transaction; a PSP that
     * does not answer fails the webhook, which the PSP then delivers again.
     */
    private Optional<PaymentOrder> orderOf(String paymentIntentId) {
        Optional<PaymentOrder> byReference = orders.findByPspReference(paymentIntentId);
        if (byReference.isPresent()) {
            return byReference;
        }
        try {
            String orderId = psp.getPaymentIntent(paymentIntentId).metadata().get("payment_order_id");
            return orderId == null ? Optional.empty() : orders.findById(orderId);
        } catch (PspRejectedException unknown) {
            return Optional.empty();
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Outcome apply(Notice notice) {
        DisputeStatus status = DisputeStatus.ofPsp(notice.pspStatus());
        if (notice.disputeId() == null || notice.paymentIntent() == null || status == null
                || notice.currency() == null || notice.amountMinor() <= 0) {
            return Outcome.unmatched("dispute " + notice.disputeId() + " without an intent, status "
                    + notice.pspStatus() + ", amount or currency we can use");
        }
        Optional<PaymentOrder> found = orderOf(notice.paymentIntent());
        if (found.isEmpty()) {
            return Outcome.unmatched("no payment order for intent " + notice.paymentIntent());
        }
        PaymentOrder order = found.get();
        try (PaymentMdc mdc = PaymentMdc.of(order.checkoutId(), order.paymentOrderId())) {
            if (order.status() == PaymentOrderStatus.EXECUTING && DisputeFunds.showsMoney(notice)) {
                // The money of a charge the books do not have yet would reach wallet and ledger before the charge
                // itself: nothing is written, and the PSP delivers the event again once the charge's answer is in.
                log.info("Dispute {} {}: its funds wait for the charge's result (order EXECUTING); delivered again later",
                        notice.disputeId(), notice.eventType());
                return Outcome.later("the disputed charge's result is not applied yet");
            }
            Optional<Dispute> moved = disputes.upsertFromPsp(notice.disputeId(), order.paymentOrderId(),
                    order.merchantId(), notice.paymentIntent(), notice.amountMinor(), notice.currency(),
                    notice.reason() == null ? "general" : notice.reason(), status.name(), notice.evidenceDueBy());
            Dispute dispute;
            if (moved.isPresent()) {
                dispute = moved.get();
                orders.recordDisputeStatus(order.paymentOrderId(), dispute.status().name());
                log.info("Dispute {} is {} ({} {} minor, reason {}, via {})", dispute.disputeId(), dispute.status(),
                        dispute.amountMinor(), dispute.currency(), dispute.reason(), notice.eventType());
            } else {
                // A duplicate or late status, but the event may still show money not recorded yet.
                dispute = disputes.findById(notice.disputeId()).orElseThrow();
            }
            int recorded = funds.record(dispute, order, notice);
            if (moved.isEmpty() && recorded == 0) {
                log.info("Dispute {} {}: already {} or further, nothing changed", notice.disputeId(),
                        notice.eventType(), status);
                return Outcome.applied(false, "dispute already " + status + " or further");
            }
            return Outcome.applied(true, "dispute " + (moved.isPresent() ? moved.get().status() : dispute.status())
                    + (recorded > 0 ? ", " + recorded + " money record(s)" : ""));
        }
    }
}
