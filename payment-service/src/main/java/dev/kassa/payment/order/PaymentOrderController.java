package dev.kassa.payment.order;

import dev.kassa.payment.api.Ids;
import dev.kassa.payment.api.JsonBodyInspector;
import dev.kassa.payment.observability.PaymentMdc;
import dev.kassa.payment.refund.RefundRequest;
import dev.kassa.payment.refund.RefundService;
import dev.kassa.payment.refund.RefundView;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/v1/payment-orders/{id}}: details, manual retry, refunds. */
@RestController
@RequestMapping(path = "/api/v1/payment-orders/{paymentOrderId}", produces = MediaType.APPLICATION_JSON_VALUE)
public class PaymentOrderController {

    private final PaymentOrderService orders;
    private final RefundService refunds;
    private final JsonMapper json;

    public PaymentOrderController(PaymentOrderService orders, RefundService refunds, JsonMapper json) {
        this.orders = orders;
        this.refunds = refunds;
        this.json = json;
    }

    @GetMapping
    public PaymentOrderDetails get(@PathVariable String paymentOrderId) {
        Ids.requireValid("payment_order_id", paymentOrderId);
        try (PaymentMdc mdc = PaymentMdc.of(null, paymentOrderId)) {
            return orders.details(paymentOrderId);
        }
    }

    /** 202 for a FAILED order (a new PSP attempt with a new idempotency key), 409 otherwise. */
    @PostMapping("/retry")
    public ResponseEntity<PaymentOrderDetails> retry(@PathVariable String paymentOrderId) {
        Ids.requireValid("payment_order_id", paymentOrderId);
        try (PaymentMdc mdc = PaymentMdc.of(null, paymentOrderId)) {
            PaymentOrderDetails order = orders.retry(paymentOrderId);
            return ResponseEntity.status(HttpStatus.ACCEPTED).location(location(paymentOrderId)).body(order);
        }
    }

    /** 202 with the refund (also for a resubmission of the same refund_id and amount). */
    @PostMapping(path = "/refunds", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<RefundView> refund(@PathVariable String paymentOrderId, @RequestBody JsonNode body) {
        Ids.requireValid("payment_order_id", paymentOrderId);
        JsonBodyInspector.requireStringsWithoutPan(body);
        RefundRequest request = json.treeToValue(body, RefundRequest.class);
        try (PaymentMdc mdc = PaymentMdc.of(null, paymentOrderId)) {
            RefundView refund = refunds.request(paymentOrderId, request);
            return ResponseEntity.status(HttpStatus.ACCEPTED).location(location(paymentOrderId)).body(refund);
        }
    }

    private static URI location(String paymentOrderId) {
        return URI.create("/api/v1/payment-orders/" + paymentOrderId);
    }
}
