package dev.kassa.payment.checkout;

import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A page of {@code GET /api/v1/payments}: checkouts newest first, each as {@code GET /api/v1/payments/{id}} shows it;
 * {@code next_cursor} asks for the next page, null on the last.
 */
@JsonNaming(SnakeCaseStrategy.class)
record CheckoutPage(List<CheckoutView> payments,
                    @Schema(nullable = true, description = "Pass as `cursor` for the next page; null on the last")
                    String nextCursor) {
}
