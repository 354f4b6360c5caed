package dev.kassa.payment.refund;

import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/** Body of {@code POST /api/v1/payment-orders/{id}/refunds}; the currency is the order's. */
@JsonNaming(SnakeCaseStrategy.class)
public record RefundRequest(String refundId, String amount) {
}
