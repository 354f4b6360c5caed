package dev.kassa.payment.risk;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One row of {@code risk_block}: a velocity rule's temporary block or an operator's block-list entry. Never changed
 * in Java and saved back: it is inserted, extended and lifted by guarded statements of {@link RiskBlocks}.
 *
 * @param expiresAt null: until lifted
 */
@Table("risk_block")
record RiskBlock(@Id long blockId, RiskSubject.Kind kind, String subject, String rule, String reason,
                 String createdBy, Instant createdAt, Instant expiresAt, Instant liftedAt, String liftedBy,
                 String liftReason) {

    boolean activeAt(Instant now) {
        return liftedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
