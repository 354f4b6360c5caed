package dev.kassa.payment.orderapi;

import dev.kassa.payment.audit.AuditAction;
import dev.kassa.payment.audit.AuditTrail;
import dev.kassa.payment.checkout.Checkout;
import dev.kassa.payment.checkout.Checkouts;
import dev.kassa.payment.events.PaymentEvents;
import dev.kassa.payment.observability.PaymentMdc;
import dev.kassa.payment.order.ChangeCause;
import dev.kassa.payment.order.PaymentOrder;
import dev.kassa.payment.order.PaymentOrders;
import dev.kassa.payment.refund.Refunds;
import dev.kassa.payment.risk.RiskCheck;
import dev.kassa.payment.refund.RefundView;
import dev.kassa.web.KassaProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading one payment order, and the manual retry of a failed one. An order of another merchant is answered as an
 * unknown one (404), whatever is asked of it.
 */
@Service
public class PaymentOrderService {

    private static final Logger log = LoggerFactory.getLogger(PaymentOrderService.class);

    private final PaymentOrders orders;
    private final Refunds refunds;
    private final Checkouts checkouts;
    private final PaymentEvents events;
    private final AuditTrail audit;
    private final RiskCheck risk;

    public PaymentOrderService(PaymentOrders orders, Refunds refunds, Checkouts checkouts, PaymentEvents events,
                               AuditTrail audit, RiskCheck risk) {
        this.risk = risk;
        this.orders = orders;
        this.refunds = refunds;
        this.checkouts = checkouts;
        this.events = events;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public PaymentOrderDetails details(String paymentOrderId) {
        PaymentOrder order = orders.findVisibleToCaller(paymentOrderId)
                .orElseThrow(() -> KassaProblem.notFound("payment_order_id", paymentOrderId));
        return details(order);
    }

    /**
     * {@code FAILED → NOT_STARTED} with the next attempt, so the PSP sees a new idempotency key and charges
     * anew once the executor's risk check lets it through; the checkout waits again. One transaction with the outbox row that asks the executor.
     *
     * @throws KassaProblem 409 unless the order is FAILED, 404 if unknown
     */
    @Transactional
    public PaymentOrderDetails retry(String paymentOrderId) {
        // Another merchant's order is refused before anything changes.
        orders.findVisibleToCaller(paymentOrderId)
                .orElseThrow(() -> KassaProblem.notFound("payment_order_id", paymentOrderId));
        orders.nameCause(ChangeCause.ofCaller());
        PaymentOrder order = orders.startRetry(paymentOrderId).orElseThrow(() -> {
            PaymentOrder current = orders.findById(paymentOrderId)
                    .orElseThrow(() -> KassaProblem.notFound("payment_order_id", paymentOrderId));
            return KassaProblem.conflict("status", "only a FAILED payment order can be retried; this one is "
                    + current.displayStatus());
        });
        try (PaymentMdc mdc = PaymentMdc.of(order.checkoutId(), order.paymentOrderId())) {
            Checkout checkout = checkouts.findById(order.checkoutId()).orElseThrow();
            if (checkouts.reopen(order.checkoutId())) {
                log.info("Checkout back to PROCESSING for the retried order");
            }
            events.executionRequested(order, checkout.paymentMethodToken());
            audit.record(AuditAction.RETRY_REQUESTED, order.paymentOrderId(), order.merchantId(),
                    "attempt " + order.attempt());
            log.info("Manual retry: attempt {} requested", order.attempt());
            return details(order);
        }
    }

    private PaymentOrderDetails details(PaymentOrder order) {
        return PaymentOrderDetails.of(order,
                refunds.findByPaymentOrderIdOrderByCreatedAtAscRefundIdAsc(order.paymentOrderId()).stream()
                        .map(RefundView::of).toList(),
                risk.decisionsOf(order.paymentOrderId()));
    }
}
