package dev.kassa.payment.refund;

import dev.kassa.payment.PaymentProperties;
import dev.kassa.payment.api.Amounts;
import dev.kassa.payment.api.ApiProblem;
import dev.kassa.payment.api.FieldViolation;
import dev.kassa.payment.api.Ids;
import dev.kassa.payment.events.PaymentEvents;
import dev.kassa.payment.observability.PaymentMdc;
import dev.kassa.payment.order.PaymentOrder;
import dev.kassa.payment.order.PaymentOrderRepository;
import dev.kassa.payment.order.PaymentOrderStatus;
import dev.kassa.schemas.money.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests refunds: idempotent on {@code refund_id}; the amount is reserved on the order by a guarded
 * update, so concurrent refunds can never exceed what was charged. One transaction with the outbox row
 * {@code RefundExecutionRequested}.
 */
@Service
public class RefundService {

    private static final Logger log = LoggerFactory.getLogger(RefundService.class);

    private final PaymentOrderRepository orders;
    private final RefundRepository refunds;
    private final PaymentEvents events;
    private final PaymentProperties properties;

    public RefundService(PaymentOrderRepository orders, RefundRepository refunds, PaymentEvents events,
                         PaymentProperties properties) {
        this.orders = orders;
        this.refunds = refunds;
        this.events = events;
        this.properties = properties;
    }

    /**
     * @throws ApiProblem 400 invalid fields, 404 unknown order, 409 order not succeeded or refund id reused
     *                    differently, 422 more than the refundable rest
     */
    @Transactional
    public RefundView request(String paymentOrderId, RefundRequest request) {
        PaymentOrder order = orders.find(paymentOrderId)
                .orElseThrow(() -> ApiProblem.notFound("payment_order_id", paymentOrderId));
        try (PaymentMdc mdc = PaymentMdc.of(order.checkoutId(), paymentOrderId)) {
            return request(order, request);
        }
    }

    private RefundView request(PaymentOrder order, RefundRequest request) {
        String paymentOrderId = order.paymentOrderId();
        List<FieldViolation> violations = new ArrayList<>();
        Ids.check("refund_id", request.refundId(), violations);
        OptionalLong amount = Amounts.parse("amount", request.amount(), "currency", order.currency(), properties,
                violations);
        if (!violations.isEmpty()) {
            throw ApiProblem.invalidRequest(violations);
        }
        long amountMinor = amount.getAsLong();
        if (!refunds.insertIfAbsent(request.refundId(), paymentOrderId, amountMinor, order.currency())) {
            Refund existing = refunds.find(request.refundId()).orElseThrow();
            if (!existing.paymentOrderId().equals(paymentOrderId) || existing.amountMinor() != amountMinor) {
                throw ApiProblem.conflict("refund_id", "was already used for a different refund");
            }
            log.info("Refund {} resubmitted: answering its current state", request.refundId());
            return RefundView.of(existing);
        }
        if (!orders.reserveRefund(paymentOrderId, amountMinor)) {
            // Either the order is not SUCCEEDED or the amount does not fit; the exception rolls the refund row back.
            PaymentOrder current = orders.find(paymentOrderId).orElseThrow();
            if (current.status() != PaymentOrderStatus.SUCCEEDED) {
                throw ApiProblem.conflict("payment_order_id", "only a SUCCEEDED payment order can be refunded; this one is "
                        + current.displayStatus());
            }
            throw ApiProblem.unprocessable("refund-exceeds-refundable", "amount", "exceeds the refundable rest of "
                    + Money.formatMinor(current.refundableMinor(), current.currency()) + " " + current.currency());
        }
        Refund refund = refunds.find(request.refundId()).orElseThrow();
        events.refundRequested(refund, order);
        log.info("Refund {} of {} {} minor requested", refund.refundId(), amountMinor, order.currency());
        return RefundView.of(refund);
    }
}
