package dev.kassa.pspmock.refund;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.repository.Repository;

/** The refunds: inserted once ({@link RefundInsert}), then resolved by a guarded UPDATE if pending. */
interface Refunds extends Repository<Refund, String>, RefundInsert {

    /** A pending refund whose time has come, with its payment's order id (for its balance transaction). */
    record DueRefund(@Embedded.Empty Refund refund, String paymentOrderId) {
    }

    Optional<Refund> findById(String id);

    /** Due pending refunds, locked; other resolvers (other instances) skip them. */
    @Query("""
            SELECT r.*, p.metadata ->> 'payment_order_id' AS payment_order_id
            FROM refund r JOIN payment_intent p ON p.id = r.payment_intent_id
            WHERE r.status = 'pending' AND r.resolve_at <= :now
            ORDER BY r.resolve_at LIMIT :limit FOR UPDATE OF r SKIP LOCKED""")
    List<DueRefund> lockDuePending(Instant now, int limit);

    /** When the earliest pending refund is due (from the index of pending refunds), empty if none is pending. */
    @Query("SELECT resolve_at FROM refund WHERE status = 'pending' ORDER BY resolve_at LIMIT 1")
    Optional<Instant> nextResolution();

    /** Moves a pending refund to its final status; false if it is not pending (any more). */
    @Modifying
    @Query("""
            UPDATE refund SET status = :status, failure_reason = :failureReason, resolve_at = NULL, resolves_to = NULL
            WHERE id = :id AND status = 'pending'""")
    boolean resolve(String id, String status, String failureReason);

    /** Newest first, optionally of one intent; after the given refund when {@code startingAfter} is set. */
    @Query("""
            SELECT * FROM refund
            WHERE (CAST(:paymentIntentId AS text) IS NULL OR payment_intent_id = :paymentIntentId)
              AND (CAST(:startingAfter AS text) IS NULL
                   OR (created_at, id) < (SELECT r.created_at, r.id FROM refund r WHERE r.id = :startingAfter))
            ORDER BY created_at DESC, id DESC LIMIT :limit""")
    List<Refund> listOlder(String paymentIntentId, String startingAfter, int limit);

    /** Oldest first from just after {@code endingBefore}: the page before it, to be reversed. */
    @Query("""
            SELECT * FROM refund
            WHERE (CAST(:paymentIntentId AS text) IS NULL OR payment_intent_id = :paymentIntentId)
              AND (created_at, id) > (SELECT r.created_at, r.id FROM refund r WHERE r.id = :endingBefore)
            ORDER BY created_at, id LIMIT :limit""")
    List<Refund> listNewer(String paymentIntentId, String endingBefore, int limit);

    boolean existsById(String id);
}
