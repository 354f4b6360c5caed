package dev.kassa.payment.risk;

import java.time.Instant;
import java.util.Locale;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/** A block as {@code /admin/risk/blocks} shows it; {@code active}: neither lifted nor expired when it was read. */
@JsonNaming(SnakeCaseStrategy.class)
record RiskBlockView(long blockId, String kind, String subject, String rule, String reason, boolean active,
                     String createdBy, Instant createdAt, Instant expiresAt, Instant liftedAt, String liftedBy,
                     String liftReason) {

    static RiskBlockView of(RiskBlock block, Instant now) {
        return new RiskBlockView(block.blockId(), block.kind().name().toLowerCase(Locale.ROOT), block.subject(),
                block.rule(), block.reason(), block.activeAt(now), block.createdBy(), block.createdAt(),
                block.expiresAt(), block.liftedAt(), block.liftedBy(), block.liftReason());
    }
}
