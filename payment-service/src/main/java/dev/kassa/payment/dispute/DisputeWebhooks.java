package dev.kassa.payment.dispute;

import dev.kassa.payment.observability.PaymentMdc;
import dev.kassa.payment.order.PaymentOrder;
import dev.kassa.payment.order.PaymentOrders;
import dev.kassa.payment.psp.PspClient;
import dev.kassa.payment.psp.PspRejectedException;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a PSP's {@code charge.dispute.*} webhook says of a dispute, applied in the webhook's transaction (its event id
 * deduplicated there): every such event carries the whole dispute, so each one inserts it or moves it forward by one
 * guarded upsert, whatever order they arrive in, and the order's {@code dispute_status} follows. Which event it was
 * (created, funds withdrawn, updated, closed, funds reinstated) matters only for the log: the dispute's status says
 * it all.
 */
@Component
public class DisputeWebhooks {

    private static final Logger log = LoggerFactory.getLogger(DisputeWebhooks.class);

    private final Disputes disputes;
    private final PaymentOrders orders;
    private final PspClient psp;

    DisputeWebhooks(Disputes disputes, PaymentOrders orders, PspClient psp) {
        this.disputes = disputes;
        this.orders = orders;
        this.psp = psp;
    }

    /** A dispute as a webhook's {@code data.object} shows it; {@code evidenceDueBy} may be null. */
    public record Notice(String eventType, String disputeId, String paymentIntent, long amountMinor, String currency,
                         String reason, String pspStatus, Instant evidenceDueBy) {
    }

    /** What became of a notice: {@code changed} (the dispute is new or moved forward) or not, and why. */
    public record Outcome(boolean matched, boolean changed, String detail) {
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
            return new Outcome(false, false, "dispute " + notice.disputeId() + " without an intent, status "
                    + notice.pspStatus() + ", amount or currency we can use");
        }
        Optional<PaymentOrder> found = orderOf(notice.paymentIntent());
        if (found.isEmpty()) {
            return new Outcome(false, false, "no payment order for intent " + notice.paymentIntent());
        }
        PaymentOrder order = found.get();
        try (PaymentMdc mdc = PaymentMdc.of(order.checkoutId(), order.paymentOrderId())) {
            Optional<Dispute> changed = disputes.upsertFromPsp(notice.disputeId(), order.paymentOrderId(),
                    order.merchantId(), notice.paymentIntent(), notice.amountMinor(), notice.currency(),
                    notice.reason() == null ? "general" : notice.reason(), status.name(), notice.evidenceDueBy());
            if (changed.isEmpty()) {
                log.info("Dispute {} {}: already {} or further, nothing changed", notice.disputeId(),
                        notice.eventType(), status);
                return new Outcome(true, false, "dispute already " + status + " or further");
            }
            Dispute dispute = changed.get();
            orders.recordDisputeStatus(order.paymentOrderId(), dispute.status().name());
            log.info("Dispute {} is {} ({} {} minor, reason {}, via {})", dispute.disputeId(), dispute.status(),
                    dispute.amountMinor(), dispute.currency(), dispute.reason(), notice.eventType());
            return new Outcome(true, true, "dispute " + dispute.status());
        }
    }
}
