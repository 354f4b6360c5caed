package dev.kassa.payment.orderapi;

import dev.kassa.web.validation.KassaId;
import jakarta.validation.constraints.NotNull;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Body of {@code POST /api/v1/payment-orders/{id}/refunds}. The currency is the order's, so the amount rule
 * ({@link dev.kassa.payment.api.Amounts}) is applied by {@link RefundService} once the order is known.
 */
@JsonNaming(SnakeCaseStrategy.class)
record RefundRequest(@NotNull(message = "is required") @KassaId String refundId,
                            @NotNull(message = "is required") String amount) {
}
