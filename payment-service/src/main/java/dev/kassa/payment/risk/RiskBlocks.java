package dev.kassa.payment.risk;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** The blocks and the failure windows: the operators' reads and writes; the executor's are {@link RiskScreening}'s. */
interface RiskBlocks extends Repository<RiskBlock, Long>, RiskScreening {

    Optional<RiskBlock> findById(long blockId);

    /**
     * A block-list entry, unless the subject has an unlifted one already that has not expired (then empty); an
     * expired one is replaced, as the unique index allows one unlifted block per subject and rule.
     */
    @Query("""
            INSERT INTO risk_block AS b (kind, subject, rule, reason, created_by, expires_at)
            VALUES (:kind, :subject, 'block_list', :reason, :createdBy, :expiresAt)
            ON CONFLICT (kind, subject, rule) WHERE lifted_at IS NULL DO UPDATE
               SET reason = EXCLUDED.reason, created_by = EXCLUDED.created_by, created_at = now(),
                   expires_at = EXCLUDED.expires_at
             WHERE b.expires_at IS NOT NULL AND b.expires_at <= now()
            RETURNING *""")
    Optional<RiskBlock> insertBlockListEntry(String kind, String subject, String reason, String createdBy,
                                             Instant expiresAt);

    @Query("""
            SELECT * FROM risk_block
             WHERE kind = :kind AND subject = :subject AND lifted_at IS NULL
               AND (expires_at IS NULL OR expires_at > now())
             ORDER BY block_id""")
    List<RiskBlock> findActive(String kind, String subject);

    /** Newest first; {@code activeOnly}: neither lifted nor expired. */
    @Query("""
            SELECT * FROM risk_block
             WHERE (CAST(:kind AS text) IS NULL OR kind = :kind)
               AND (CAST(:subject AS text) IS NULL OR subject = :subject)
               AND (NOT :activeOnly OR (lifted_at IS NULL AND (expires_at IS NULL OR expires_at > now())))
             ORDER BY block_id DESC
             LIMIT :limit""")
    List<RiskBlock> findNewestFirst(String kind, String subject, boolean activeOnly, int limit);

    /** Lifts an unlifted block (expired or not); empty when it was lifted before. */
    @Query("""
            UPDATE risk_block SET lifted_at = now(), lifted_by = :liftedBy, lift_reason = :reason
             WHERE block_id = :blockId AND lifted_at IS NULL
            RETURNING *""")
    Optional<RiskBlock> lift(long blockId, String liftedBy, String reason);

    /** The subject's declines so far are forgiven with its block: counting starts again from nothing. */
    @Modifying
    @Query("DELETE FROM risk_failure_window WHERE kind = :kind AND subject = :subject")
    int forgetFailures(String kind, String subject);
}
