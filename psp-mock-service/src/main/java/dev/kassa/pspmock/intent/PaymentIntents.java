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
}
