package dev.kassa.payment.risk;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Locale;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/** A block as {@code /admin/risk/blocks} shows it; {@code active}: neither lifted nor expired when it was read. */
@JsonNaming(SnakeCaseStrategy.class)
@Schema(name = "RiskBlock")
record RiskBlockView(long blockId,
                     @Schema(allowableValues = {"token", "buyer", "address"}) String kind,
                     @Schema(description = "A PSP token, `<merchant_id>:<user_id>` or an IP address",
                             example = "203.0.113.7") String subject,
                     @Schema(description = "What set it: `block_list` (an operator) or a velocity rule",
                             example = "velocity_address") String rule,
                     String reason,
                     @Schema(description = "Neither lifted nor expired when it was read") boolean active,
                     @Schema(nullable = true, description = "The operator; null for a velocity rule's block")
                     String createdBy,
                     Instant createdAt,
                     @Schema(nullable = true, description = "Null: until lifted") Instant expiresAt,
                     @Schema(nullable = true) Instant liftedAt,
                     @Schema(nullable = true) String liftedBy,
                     @Schema(nullable = true) String liftReason) {

    static RiskBlockView of(RiskBlock block, Instant now) {
        return new RiskBlockView(block.blockId(), block.kind().name().toLowerCase(Locale.ROOT), block.subject(),
                block.rule(), block.reason(), block.activeAt(now), block.createdBy(), block.createdAt(),
                block.expiresAt(), block.liftedAt(), block.liftedBy(), block.liftReason());
    }
}
