package dev.kassa.payment.checkout;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/**
 * The checkouts: idempotent creation with their orders ({@link CheckoutCreation}), and the guarded completion and
 * reopening.
 */
public interface Checkouts extends Repository<Checkout, String>, CheckoutCreation {

    Optional<Checkout> findById(String checkoutId);

    @Query("SELECT * FROM checkout WHERE checkout_id IN (:checkoutIds)")
    List<Checkout> findAllByIdIn(Collection<String> checkoutIds);

    /**
     * {@code PROCESSING → COMPLETED} once every order is terminal and every succeeded one is confirmed by
     * wallet and ledger; within a transaction. The checkout row is locked first, and the completion is a
     * statement of its own, so that it reads the orders after any wait for that lock: two transactions
     * finishing the last two orders at once would otherwise each see the other's order unfinished, and
     * neither would complete it.
     */
    default boolean completeIfDone(String checkoutId) {
        lockForCompletion(checkoutId);
        return completeIfOrdersDone(checkoutId);
    }

    /** The first half of {@link #completeIfDone}; on its own it only locks. */
    @Query("SELECT checkout_id FROM checkout WHERE checkout_id = :checkoutId FOR UPDATE")
    Optional<String> lockForCompletion(String checkoutId);

    /** The second half of {@link #completeIfDone}: call that instead, it takes the lock first. */
    @Modifying
    @Query("""
            UPDATE checkout c SET status = 'COMPLETED', completed_at = now(), updated_at = now()
            WHERE c.checkout_id = :checkoutId AND c.status = 'PROCESSING'
              AND NOT EXISTS (
                  SELECT 1 FROM payment_order o
                   WHERE o.checkout_id = c.checkout_id
                     AND (o.status NOT IN ('SUCCEEDED', 'FAILED')
                          OR (o.status = 'SUCCEEDED' AND NOT (o.wallet_updated AND o.ledger_updated))))""")
    boolean completeIfOrdersDone(String checkoutId);

    /** {@code COMPLETED → PROCESSING}: a failed order of the checkout is being retried by hand. */
    @Modifying
    @Query("""
            UPDATE checkout SET status = 'PROCESSING', completed_at = NULL, updated_at = now()
            WHERE checkout_id = :checkoutId AND status = 'COMPLETED'""")
    boolean reopen(String checkoutId);
}
