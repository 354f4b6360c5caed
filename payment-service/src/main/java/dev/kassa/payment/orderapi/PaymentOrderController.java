package dev.kassa.payment.orderapi;

import dev.kassa.payment.observability.PaymentMdc;
import dev.kassa.payment.refund.RefundView;
import dev.kassa.web.validation.KassaId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Payment orders", description = "One charge of a checkout: its details and history (its merchant and every"
        + " operator role), a retry of a FAILED one and refunds of a SUCCEEDED one (its merchant, or an OPERATOR on its"
        + " behalf). Another merchant's order is answered 404.")
public class PaymentOrderController {

    private final PaymentOrderService orders;
    private final RefundService refunds;

    public PaymentOrderController(PaymentOrderService orders, RefundService refunds) {
        this.orders = orders;
        this.refunds = refunds;
    }

    @GetMapping
    @Operation(operationId = "getPaymentOrder", summary = "A payment order with its attempts, refunds and risk stops",
            description = "Its merchant's key, or any operator role.")
    public PaymentOrderDetails get(@Parameter(description = "The merchant's id of the payment order",
                                           example = "po_1001_1")
                                   @PathVariable("payment_order_id") @KassaId String paymentOrderId) {
        try (PaymentMdc mdc = PaymentMdc.of(null, paymentOrderId)) {
            return orders.details(paymentOrderId);
        }
    }

    /** 202 for a FAILED order (a new PSP attempt with a new idempotency key), 409 otherwise. */
    @PostMapping("/retry")
    @Operation(operationId = "retryPaymentOrder", summary = "Charge a FAILED payment order again",
            description = "Its merchant's key, or an OPERATOR. The order goes back to NOT_STARTED with the next attempt"
                    + " (a new PSP idempotency key) and its checkout to PROCESSING; the risk check runs again before"
                    + " the PSP is called. No body.")
    @ApiResponse(responseCode = "202", description = "The new attempt is under way",
            headers = @Header(name = "Location", description = "The payment order", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = PaymentOrderDetails.class)))
    @ApiResponse(responseCode = "409", description = "The order is not FAILED"
            + " (`https://kassa.dev/problems/conflict`).",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    public ResponseEntity<PaymentOrderDetails> retry(@Parameter(description = "The payment order",
                                                             example = "po_1001_1")
                                                     @PathVariable("payment_order_id") @KassaId String paymentOrderId) {
        try (PaymentMdc mdc = PaymentMdc.of(null, paymentOrderId)) {
            PaymentOrderDetails order = orders.retry(paymentOrderId);
            return ResponseEntity.status(HttpStatus.ACCEPTED).location(location(paymentOrderId)).body(order);
        }
    }

    /** 202 with the refund (also for a resubmission of the same refund_id and amount). */
    @PostMapping(path = "/refunds", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "refundPaymentOrder", summary = "Refund a SUCCEEDED payment order, wholly or in part",
            description = "Its merchant's key, or an OPERATOR. Answers 202 with the refund REQUESTED; the PSP is asked"
                    + " asynchronously, so read the order for the refund's outcome. `refund_id` is the merchant's: the"
                    + " same id and amount again answer the same refund, nothing is refunded twice.")
    @ApiResponse(responseCode = "202", description = "The refund was requested (or had been, with this id and amount)",
            headers = @Header(name = "Location", description = "The payment order", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RefundView.class)))
    @ApiResponse(responseCode = "409", description = "The order is not SUCCEEDED, is under a dispute or lost one, or"
            + " `refund_id` was used for another refund (`https://kassa.dev/problems/conflict`).",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(responseCode = "422", description = "More than is left to refund on the order"
            + " (`https://kassa.dev/problems/refund-exceeds-refundable`).",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    public ResponseEntity<RefundView> refund(@Parameter(description = "The payment order", example = "po_1001_1")
                                             @PathVariable("payment_order_id") @KassaId String paymentOrderId,
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
