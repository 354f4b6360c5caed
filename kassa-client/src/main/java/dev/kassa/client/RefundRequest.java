package dev.kassa.client;

import java.util.Objects;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Body of {@code POST /api/v1/payment-orders/{id}/refunds}. The {@code refund_id} is the idempotency key: the same id
 * and amount answers the refund as it stands, the same id with another amount is a 409. The currency is the order's, so
 * the amount is a decimal string in it ({@code "5.00"}).
 */
@JsonNaming(SnakeCaseStrategy.class)
public record RefundRequest(String refundId, String amount) {

    public RefundRequest {
        Objects.requireNonNull(refundId, "refundId");
        Objects.requireNonNull(amount, "amount");
        Money.of(amount, "XXX"); // a plain decimal; the currency is the order's
    }
}
