package dev.kassa.payment.history;

import dev.kassa.payment.orderapi.PaymentOrderService;
import dev.kassa.web.KassaProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads one payment order's history, for whoever may read the order itself. */
@Service
class PaymentOrderHistoryService {

    private final PaymentOrderService orders;
    private final PaymentOrderHistory history;

    PaymentOrderHistoryService(PaymentOrderService orders, PaymentOrderHistory history) {
        this.orders = orders;
        this.history = history;
    }

    /**
     * @throws KassaProblem 404 for an order the caller may not read, exactly as {@code GET
     *                      /api/v1/payment-orders/{id}} answers: the order is looked up the same way, so whatever
     *                      limits who sees an order (a merchant sees its own) limits its history too
     */
    @Transactional(readOnly = true)
    public PaymentOrderHistoryView of(String paymentOrderId) {
        orders.details(paymentOrderId);
        return PaymentOrderHistoryView.of(paymentOrderId, history.findByPaymentOrderIdOrderById(paymentOrderId));
    }
}
