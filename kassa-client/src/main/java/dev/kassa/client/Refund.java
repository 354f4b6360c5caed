package dev.kassa.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/** A refund as {@code POST /api/v1/payment-orders/{id}/refunds} answers it, and as its order lists it. */
@JsonNaming(SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Refund(String refundId, String paymentOrderId, String amount, String currency, RefundStatus status,
                     String pspRefundReference, String failureCode, String failureMessage, Instant createdAt) {

    public Money money() {
        return Money.orNull(amount, currency);
    }
}
