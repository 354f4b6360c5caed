package dev.kassa.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An attempt of a payment order that the risk check stopped before the PSP was called: the rule
 * ({@code velocity_token}, {@code velocity_buyer}, {@code velocity_address}, {@code block_list}, {@code amount_limit}),
 * the block behind it (null for the amount limit) and why.
 */
@JsonNaming(SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RiskDecision(String paymentOrderId, int attempt, String rule, Long blockId, String detail,
                           Instant decidedAt) {
}
