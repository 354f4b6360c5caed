package dev.kassa.pspmock.intent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.Repository;

/** The payment intents. Inserted by {@link PaymentIntentInsert} (the charge's one statement); changed only by guarded UPDATEs. */
public interface PaymentIntents extends Repository<PaymentIntent, String>, PaymentIntentInsert {

    Optional<PaymentIntent> findById(String id);

    /** Locks the intent for the rest of the transaction: refunds of one intent are decided one at a time. */
    @Lock(LockMode.PESSIMISTIC_WRITE)
    Optional<PaymentIntent> findForUpdateById(String id);

    /** Due processing intents, locked; other resolvers (other instances) skip them. */
    @Query("""
            SELECT * FROM payment_intent WHERE status = 'processing' AND resolve_at <= :now
            ORDER BY resolve_at LIMIT :limit FOR UPDATE SKIP LOCKED""")
    List<PaymentIntent> lockDueProcessing(Instant now, int limit);

    /** When the earliest processing intent is due (from the index of processing intents), empty if none is processing. */
    @Query("SELECT resolve_at FROM payment_intent WHERE status = 'processing' ORDER BY resolve_at LIMIT 1")
    Optional<Instant> nextResolution();

    /** Moves a processing intent to its final status; false if it is not processing (any more). */
    @Modifying
    @Query("""
            UPDATE payment_intent SET status = :status, last_payment_error = :error, resolve_at = NULL, resolves_to = NULL
            WHERE id = :id AND status = 'processing'""")
    boolean resolve(String id, String status, CardError error);

    /** Reserves refundable amount; false if it would exceed what was charged, or the intent has not succeeded. */
    @Modifying
    @Query("""
            UPDATE payment_intent SET amount_refunded = amount_refunded + :amount
            WHERE id = :id AND status = 'succeeded' AND amount_refunded + :amount <= amount""")
    boolean reserveRefund(String id, long amount);

    /** A failed refund gives its amount back. */
    @Modifying
    @Query("UPDATE payment_intent SET amount_refunded = amount_refunded - :amount WHERE id = :id")
    void releaseRefund(String id, long amount);

    /** Confirms an intent that awaits it; false if it does not (any more). */
    @Modifying
    @Query("""
            UPDATE payment_intent SET status = :status, payment_method = :paymentMethod, last_payment_error = :error,
                resolve_at = :resolveAt, resolves_to = :resolvesTo
            WHERE id = :id AND status IN ('requires_confirmation', 'requires_payment_method')""")
    boolean confirm(String id, String status, String paymentMethod, CardError error, Instant resolveAt,
                    String resolvesTo);

    /** Cancels an intent that has not been charged; false if it has been (or is being). */
    @Modifying
    @Query("""
            UPDATE payment_intent SET status = 'canceled', canceled_at = :at, cancellation_reason = :reason
            WHERE id = :id AND status IN ('requires_confirmation', 'requires_payment_method')""")
    boolean cancel(String id, Instant at, String reason);

    /** Newest first; after the given intent when {@code startingAfter} is set. No index: lists are rare, charges not. */
    @Query("""
            SELECT * FROM payment_intent
            WHERE CAST(:startingAfter AS text) IS NULL
               OR (created_at, id) < (SELECT p.created_at, p.id FROM payment_intent p WHERE p.id = :startingAfter)
            ORDER BY created_at DESC, id DESC LIMIT :limit""")
    List<PaymentIntent> listOlder(String startingAfter, int limit);

    /** Oldest first from just after {@code endingBefore}: the page before it, to be reversed. */
    @Query("""
            SELECT * FROM payment_intent
            WHERE (created_at, id) > (SELECT p.created_at, p.id FROM payment_intent p WHERE p.id = :endingBefore)
            ORDER BY created_at, id LIMIT :limit""")
    List<PaymentIntent> listNewer(String endingBefore, int limit);

    boolean existsById(String id);
}
