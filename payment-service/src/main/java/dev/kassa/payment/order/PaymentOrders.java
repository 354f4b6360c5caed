package dev.kassa.payment.order;

import dev.kassa.payment.access.Ownership;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/**
 * The payment orders. Every state change is a guarded update ({@code WHERE status = <allowed> AND attempt =
 * <the caller's attempt>}) that reports whether it applied: a late or duplicate result finds the row in another
 * state or attempt and changes nothing. The set-based statements of the hot paths are in {@link SetBasedPaymentOrders}.
 */
public interface PaymentOrders extends Repository<PaymentOrder, String>, SetBasedPaymentOrders, ChangeCauses {

    Optional<PaymentOrder> findById(String paymentOrderId);

    Optional<PaymentOrder> findByPspReference(String pspReference);

    /**
     * The order if the caller of the current request may see it ({@link Ownership}): another merchant's order is
     * as absent as an unknown one, so that the API answers both with the same 404.
     */
    default Optional<PaymentOrder> findVisibleToCaller(String paymentOrderId) {
        return findById(paymentOrderId).filter(order -> Ownership.visibleToCaller(order.merchantId()));
    }

    /** A checkout's orders in the order its request listed them. */
    @Query("SELECT * FROM payment_order WHERE checkout_id = :checkoutId ORDER BY position")
    List<PaymentOrder> findByCheckoutId(String checkoutId);

    /** The orders of the checkouts {@code checkoutIds}, each checkout's in the order its request listed them. */
    @Query("SELECT * FROM payment_order WHERE checkout_id IN (:checkoutIds) ORDER BY checkout_id, position")
    List<PaymentOrder> findByCheckoutIdIn(Collection<String> checkoutIds);

    /** The ids among {@code ids} that belong to a checkout other than {@code checkoutId}. */
    @Query("SELECT payment_order_id FROM payment_order WHERE payment_order_id IN (:ids) AND checkout_id <> :checkoutId")
    List<String> findIdsOwnedByOtherCheckouts(String checkoutId, Collection<String> ids);

    /** Remembers the PSP's intent id while the order's attempt waits for a webhook. */
    @Modifying
    @Query("""
            UPDATE payment_order SET psp_reference = :pspReference, updated_at = now()
            WHERE payment_order_id = :paymentOrderId AND attempt = :attempt AND status = 'EXECUTING'
              AND (psp_reference IS NULL OR psp_reference = :pspReference)""")
    boolean recordPspReference(String paymentOrderId, int attempt, String pspReference);

    /**
     * {@code EXECUTING → SUCCEEDED} for the given attempt, the PSP's answer (unless the transaction named another
     * cause); empty when the order is elsewhere (late, duplicate).
     */
    default Optional<PaymentOrder> markSucceeded(String paymentOrderId, int attempt, String pspReference) {
        return resolveExecutions(ChangeCause.PSP_ANSWER, List.of(ExecutionResult.succeeded(paymentOrderId, attempt, pspReference)))
                .stream().findFirst();
    }

    /** {@code EXECUTING → FAILED} for the given attempt, as {@link #markSucceeded}; empty when the order is elsewhere. */
    default Optional<PaymentOrder> markFailed(String paymentOrderId, int attempt, String pspReference,
                                              String failureCode, String failureMessage) {
        return resolveExecutions(ChangeCause.PSP_ANSWER, List.of(ExecutionResult.failed(paymentOrderId, attempt, pspReference, failureCode,
                failureMessage))).stream().findFirst();
    }

    /**
     * Manual retry, {@code FAILED → NOT_STARTED} with the next attempt (so a new PSP idempotency key): the executor
     * screens it (the risk check) and starts it as it does a new order.
     */
    @Query("""
            UPDATE payment_order SET status = 'NOT_STARTED', attempt = attempt + 1, psp_reference = NULL,
                   failure_code = NULL, failure_message = NULL, status_changed_at = now(), updated_at = now()
            WHERE payment_order_id = :paymentOrderId AND status = 'FAILED'
            RETURNING *""")
    Optional<PaymentOrder> startRetry(String paymentOrderId);

    /**
     * Reserves {@code amountMinor} of a succeeded order for a refund, only if it fits in what is neither
     * refunded nor reserved; the database check constraint backs this up.
     */
    @Modifying
    @Query("""
            UPDATE payment_order SET refund_pending_minor = refund_pending_minor + :amountMinor, updated_at = now()
            WHERE payment_order_id = :paymentOrderId AND status = 'SUCCEEDED'
              AND refunded_minor + refund_pending_minor + :amountMinor <= amount_minor
              -- Not while a dispute holds the money (open, lost or accepted; docs/architecture.md §15).
              AND (dispute_status IS NULL OR dispute_status = 'WON')""")
    boolean reserveRefund(String paymentOrderId, long amountMinor);

    /** The order's dispute status as its dispute now is (docs/architecture.md §15); in the dispute's transaction. */
    @Modifying
    @Query("UPDATE payment_order SET dispute_status = :disputeStatus, updated_at = now() WHERE payment_order_id = :paymentOrderId")
    boolean recordDisputeStatus(String paymentOrderId, String disputeStatus);

    /** Moves a reserved amount to refunded (the PSP refunded it) or releases it (the refund failed). */
    @Modifying
    @Query("""
            UPDATE payment_order
               SET refunded_minor = refunded_minor + CASE WHEN :refunded THEN :amountMinor ELSE 0 END,
                   refund_pending_minor = refund_pending_minor - :amountMinor, updated_at = now()
            WHERE payment_order_id = :paymentOrderId AND refund_pending_minor >= :amountMinor""")
    boolean settleRefund(String paymentOrderId, long amountMinor, boolean refunded);

    /** Orders waiting for the PSP longer than {@code ageSeconds} (by the database's clock), oldest first. */
    @Query("""
            SELECT * FROM payment_order
             WHERE status = 'EXECUTING' AND status_changed_at < now() - make_interval(secs => :ageSeconds)
             ORDER BY status_changed_at LIMIT :limit""")
    List<PaymentOrder> findExecutingLongerThan(double ageSeconds, int limit);
}
