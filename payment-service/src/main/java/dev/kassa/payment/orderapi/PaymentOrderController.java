package dev.kassa.payment.orderapi;

import dev.kassa.payment.observability.PaymentMdc;
import dev.kassa.payment.refund.RefundView;
import dev.kassa.web.validation.KassaId;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/payment-orders/{id}}: details, manual retry, refunds. */
@RestController
@RequestMapping(path = "/api/v1/payment-orders/{payment_order_id}", produces = MediaType.APPLICATION_JSON_VALUE)
public class PaymentOrderController {

    private final PaymentOrderService orders;
    private final RefundService refunds;

    public PaymentOrderController(PaymentOrderService orders, RefundService refunds) {
        this.orders = orders;
        this.refunds = refunds;
    }

    @GetMapping
    public PaymentOrderDetails get(@PathVariable("payment_order_id") @KassaId String paymentOrderId) {
        try (PaymentMdc mdc = PaymentMdc.of(null, paymentOrderId)) {
            return orders.details(paymentOrderId);
        }
    }

    /** 202 for a FAILED order (a new PSP attempt with a new idempotency key), 409 otherwise. */
    @PostMapping("/retry")
    public ResponseEntity<PaymentOrderDetails> retry(@PathVariable("payment_order_id") @KassaId String paymentOrderId) {
        try (PaymentMdc mdc = PaymentMdc.of(null, paymentOrderId)) {
            PaymentOrderDetails order = orders.retry(paymentOrderId);
            return ResponseEntity.status(HttpStatus.ACCEPTED).location(location(paymentOrderId)).body(order);
        }
    }

    /** 202 with the refund (also for a resubmission of the same refund_id and amount). */
    @PostMapping(path = "/refunds", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<RefundView> refund(@PathVariable("payment_order_id") @KassaId String paymentOrderId,
                                             @Valid @RequestBody RefundRequest request) {
        try (PaymentMdc mdc = PaymentMdc.of(null, paymentOrderId)) {
            RefundView refund = refunds.request(paymentOrderId, request);
            return ResponseEntity.status(HttpStatus.ACCEPTED).location(location(paymentOrderId)).body(refund);
        }
    }

    private static URI location(String paymentOrderId) {
        return URI.create("/api/v1/payment-orders/" + paymentOrderId);
    }
}
