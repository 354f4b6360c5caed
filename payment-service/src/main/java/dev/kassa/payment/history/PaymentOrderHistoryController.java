package dev.kassa.payment.history;

import dev.kassa.payment.observability.PaymentMdc;
import dev.kassa.web.validation.KassaId;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/payment-orders/{id}/history}: every status change of one order with its cause, oldest first. */
@RestController
class PaymentOrderHistoryController {

    private final PaymentOrderHistoryService history;

    PaymentOrderHistoryController(PaymentOrderHistoryService history) {
        this.history = history;
    }

    @GetMapping(path = "/api/v1/payment-orders/{payment_order_id}/history", produces = MediaType.APPLICATION_JSON_VALUE)
    public PaymentOrderHistoryView get(@PathVariable("payment_order_id") @KassaId String paymentOrderId) {
        try (PaymentMdc mdc = PaymentMdc.of(null, paymentOrderId)) {
            return history.of(paymentOrderId);
        }
    }
}
