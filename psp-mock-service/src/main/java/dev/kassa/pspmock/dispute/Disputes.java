package dev.kassa.pspmock.dispute;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import dev.kassa.pspmock.api.Metadata;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.Repository;

/**
 * The disputes: inserted once ({@link DisputeInsert}), then changed only by guarded UPDATEs, each naming in its WHERE
 * the status it leaves, so that a transition happens once (and its events are published once) however requests,
 * operators and the decision resolver race.
 */
interface Disputes extends Repository<Dispute, String>, DisputeInsert {

    Optional<Dispute> findById(String id);

    /** Locks the dispute for the rest of the transaction: changes of one dispute are decided one at a time. */
    @Lock(LockMode.PESSIMISTIC_WRITE)
    Optional<Dispute> findForUpdateById(String id);

    /** A charge has one dispute at most (unique index). */
    Optional<Dispute> findByPaymentIntentId(String paymentIntentId);

    boolean existsById(String id);

    /** Stages evidence and metadata of a dispute that needs a response and is not past due; false otherwise. */
    @Modifying
    @Query("""
            UPDATE dispute SET evidence = :evidence, metadata = :metadata
            WHERE id = :id AND status = 'needs_response' AND due_by > :now""")
    boolean stage(String id, DisputeEvidence evidence, Metadata metadata, Instant now);

    /**
     * Submits the evidence: {@code needs_response} to {@code under_review}, decided at {@code decideAt} when the
     * evidence decides it (else both null); false unless it needed a response and was not past due.
     */
    @Modifying
    @Query("""
            UPDATE dispute SET status = 'under_review', evidence = :evidence, metadata = :metadata,
                submission_count = submission_count + 1, decide_at = :decideAt, decides_to = :decidesTo
            WHERE id = :id AND status = 'needs_response' AND due_by > :now""")
    boolean submit(String id, DisputeEvidence evidence, Metadata metadata, Instant now, Instant decideAt,
                   String decidesTo);

    /** Metadata of a dispute under review (its evidence is final); false otherwise. */
    @Modifying
    @Query("UPDATE dispute SET metadata = :metadata WHERE id = :id AND status = 'under_review'")
    boolean changeMetadataUnderReview(String id, Metadata metadata);

    /** The merchant accepts the dispute (Stripe's close): {@code needs_response} to {@code lost}; false otherwise. */
    @Modifying
    @Query("UPDATE dispute SET status = 'lost' WHERE id = :id AND status = 'needs_response'")
    boolean accept(String id);

    /** An operator decides an open dispute at once, whatever was scheduled; false if it is closed (already). */
    @Modifying
    @Query("""
            UPDATE dispute SET status = :outcome, decide_at = NULL, decides_to = NULL
            WHERE id = :id AND status IN ('needs_response', 'under_review')""")
    boolean decide(String id, String outcome);

    /** The scheduled decision of a dispute under review; false if it was decided or closed meanwhile. */
    @Modifying
    @Query("""
            UPDATE dispute SET status = decides_to, decide_at = NULL, decides_to = NULL
            WHERE id = :id AND status = 'under_review' AND decides_to IS NOT NULL""")
    boolean resolve(String id);

    /** Disputes whose decision is due, locked; other resolvers (other instances) skip them. */
    @Query("""
            SELECT * FROM dispute WHERE decides_to IS NOT NULL AND decide_at <= :now
            ORDER BY decide_at LIMIT :limit FOR UPDATE SKIP LOCKED""")
    List<Dispute> lockDueDecisions(Instant now, int limit);

    /** When the earliest scheduled decision is due (from its partial index), empty if none is scheduled. */
    @Query("SELECT decide_at FROM dispute WHERE decides_to IS NOT NULL ORDER BY decide_at LIMIT 1")
    Optional<Instant> nextDecision();

    /** Newest first, optionally of one intent; after the given dispute when {@code startingAfter} is set. */
    @Query("""
            SELECT * FROM dispute
            WHERE (CAST(:paymentIntentId AS text) IS NULL OR payment_intent_id = :paymentIntentId)
              AND (CAST(:startingAfter AS text) IS NULL
                   OR (created_at, id) < (SELECT d.created_at, d.id FROM dispute d WHERE d.id = :startingAfter))
            ORDER BY created_at DESC, id DESC LIMIT :limit""")
    List<Dispute> listOlder(String paymentIntentId, String startingAfter, int limit);

    /** Oldest first from just after {@code endingBefore}: the page before it, to be reversed. */
    @Query("""
            SELECT * FROM dispute
            WHERE (CAST(:paymentIntentId AS text) IS NULL OR payment_intent_id = :paymentIntentId)
              AND (created_at, id) > (SELECT d.created_at, d.id FROM dispute d WHERE d.id = :endingBefore)
            ORDER BY created_at, id LIMIT :limit""")
    List<Dispute> listNewer(String paymentIntentId, String endingBefore, int limit);
}
