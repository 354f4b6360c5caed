package dev.kassa.payment.orderapi;

import dev.kassa.payment.PaymentProperties;
import dev.kassa.payment.api.Amounts;
import dev.kassa.payment.audit.AuditAction;
import dev.kassa.payment.audit.AuditTrail;
import dev.kassa.payment.events.PaymentEvents;
import dev.kassa.payment.observability.PaymentMdc;
import dev.kassa.payment.order.PaymentOrder;
import dev.kassa.payment.order.PaymentOrders;
import dev.kassa.payment.order.PaymentOrderStatus;
import dev.kassa.payment.refund.Refund;
import dev.kassa.payment.refund.Refunds;
import dev.kassa.payment.refund.RefundView;
import dev.kassa.schemas.money.Money;
import dev.kassa.web.KassaProblem;
import dev.kassa.web.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests refunds: idempotent on {@code refund_id}; the amount is reserved on the order by a guarded
 * update, so concurrent refunds can never exceed what was charged. One transaction with the outbox row
 * {@code RefundExecutionRequested} and the audit row. An order of another merchant is answered as an unknown one.
 */
@Service
public class RefundService {

    private static final Logger log = LoggerFactory.getLogger(RefundService.class);

    private final PaymentOrders orders;
    private final Refunds refunds;
    private final PaymentEvents events;
    private final PaymentProperties properties;
    private final AuditTrail audit;

    public RefundService(PaymentOrders orders, Refunds refunds, PaymentEvents events, PaymentProperties properties,
                         AuditTrail audit) {
        this.orders = orders;
        this.refunds = refunds;
        this.events = events;
        this.properties = properties;
        this.audit = audit;
    }

    /**
     * @throws KassaProblem 400 invalid amount, 404 unknown order, 409 order not succeeded or refund id reused
     *                    differently, 422 more than the refundable rest
     */
    @Transactional
    public RefundView request(String paymentOrderId, RefundRequest request) {
        PaymentOrder order = orders.findVisibleToCaller(paymentOrderId)
                .orElseThrow(() -> KassaProblem.notFound("payment_order_id", paymentOrderId));
        try (PaymentMdc mdc = PaymentMdc.of(order.checkoutId(), paymentOrderId)) {
            return request(order, request);
        }
    }

    private RefundView request(PaymentOrder order, RefundRequest request) {
        String paymentOrderId = order.paymentOrderId();
        Amounts.refusal(request.amount(), order.currency(), properties).ifPresent(refusal -> {
            throw KassaProblem.invalid(refusal.field(), refusal.reason());
        });
        long amountMinor = Amounts.minor(request.amount(), order.currency(), properties);
        if (!refunds.insertIfAbsent(request.refundId(), paymentOrderId, amountMinor, order.currency())) {
            Refund existing = refunds.findById(request.refundId()).orElseThrow();
            if (!existing.paymentOrderId().equals(paymentOrderId) || existing.amountMinor() != amountMinor) {
                throw KassaProblem.conflict("refund_id", "was already used for a different refund");
            }
            log.info("Refund {} resubmitted: answering its current state", request.refundId());
            return RefundView.of(existing);
        }
        if (!orders.reserveRefund(paymentOrderId, amountMinor)) {
            // Either the order is not SUCCEEDED or the amount does not fit; the exception rolls the refund row back.
            PaymentOrder current = orders.findById(paymentOrderId).orElseThrow();
            if (current.status() != PaymentOrderStatus.SUCCEEDED) {
                throw KassaProblem.conflict("payment_order_id", "only a SUCCEEDED payment order can be refunded; this one is "
                        + current.displayStatus());
            }
            if (current.disputeStatus() != null && !"WON".equals(current.disputeStatus())) {
                // docs/architecture.md §15: the cardholder has the money back, or may get it through the dispute.
                throw KassaProblem.conflict("payment_order_id", "is " + current.displayStatus() + " (dispute "
                        + current.disputeStatus() + "): no refund while a dispute is open or after it was lost");
            }
            throw new KassaProblem(ProblemType.REFUND_EXCEEDS_REFUNDABLE, "amount", "exceeds the refundable rest of "
                    + Money.formatMinor(current.refundableMinor(), current.currency()) + " " + current.currency());
        }
        Refund refund = refunds.findById(request.refundId()).orElseThrow();
        events.refundRequested(refund, order);
        audit.record(AuditAction.REFUND_REQUESTED, refund.refundId(), order.merchantId(),
                Money.formatMinor(amountMinor, order.currency()) + " " + order.currency() + " of payment order "
                        + paymentOrderId);
        log.info("Refund {} of {} {} minor requested", refund.refundId(), amountMinor, order.currency());
        return RefundView.of(refund);
    }
}
