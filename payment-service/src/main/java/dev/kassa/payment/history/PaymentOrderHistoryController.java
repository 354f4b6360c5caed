package dev.kassa.payment.history;

import dev.kassa.payment.observability.PaymentMdc;
import dev.kassa.web.validation.KassaId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/payment-orders/{id}/history}: every status change of one order with its cause, oldest first. */
@RestController
@Tag(name = "Payment orders")
class PaymentOrderHistoryController {

    private final PaymentOrderHistoryService history;

    PaymentOrderHistoryController(PaymentOrderHistoryService history) {
        this.history = history;
    }

    @GetMapping(path = "/api/v1/payment-orders/{payment_order_id}/history", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getPaymentOrderHistory", summary = "Every status change of a payment order, oldest first",
            description = "Its merchant's key, or any operator role: each change with its cause (the API, an operator,"
                    + " the executor, the PSP's answer, a webhook, the janitor, the risk check), who made it and the"
                    + " attempt.")
    public PaymentOrderHistoryView get(@Parameter(description = "The payment order", example = "po_1001_1")
                                       @PathVariable("payment_order_id") @KassaId String paymentOrderId) {
        try (PaymentMdc mdc = PaymentMdc.of(null, paymentOrderId)) {
            return history.of(paymentOrderId);
        }
    }
}
