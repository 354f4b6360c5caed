package dev.kassa.payment.risk;

import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * The risk check stopped this attempt of a payment order: the rule that fired, the block behind it (null for the
 * amount limit) and why. Shown on the order ({@code GET /api/v1/payment-orders/{id}}, {@code risk_decisions}).
 */
@JsonNaming(SnakeCaseStrategy.class)
@Schema(description = "The risk check stopped this attempt before the PSP was called.")
public record RiskDecision(String paymentOrderId, int attempt,
                           @Schema(description = "The rule that fired: `velocity_token`, `velocity_buyer`,"
                                   + " `velocity_address`, `block_list` or `amount_limit`", example = "amount_limit")
                           String rule,
                           @Schema(nullable = true, description = "The block behind it"
                                   + " (`/admin/risk/blocks/{block_id}`); null for the amount limit") Long blockId,
                           String detail, Instant decidedAt) {
}
