package dev.kassa.payment.orderapi;

import dev.kassa.web.validation.KassaId;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Body of {@code POST /api/v1/payment-orders/{id}/refunds}. The currency is the order's, so the amount rule
 * ({@link dev.kassa.payment.api.Amounts}) is applied by {@link RefundService} once the order is known.
 */
@JsonNaming(SnakeCaseStrategy.class)
record RefundRequest(@Schema(description = "The merchant's id of the refund: sending it again with the same amount"
                             + " answers the same refund", example = "rf_1001_1")
                     @NotNull(message = "is required") @KassaId String refundId,
                     @Schema(description = "A decimal in the order's currency, at most what is left to refund",
                             example = "5.00")
                     @NotNull(message = "is required") String amount) {
}
