package dev.kassa.payment.risk;

import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * The risk check stopped this attempt of a payment order: the rule that fired, the block behind it (null for the
 * amount limit) and why. Shown on the order ({@code GET /api/v1/payment-orders/{id}}, {@code risk_decisions}).
 */
@JsonNaming(SnakeCaseStrategy.class)
public record RiskDecision(String paymentOrderId, int attempt, String rule, Long blockId, String detail,
                           Instant decidedAt) {
}
