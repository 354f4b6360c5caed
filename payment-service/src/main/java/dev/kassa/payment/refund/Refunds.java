package dev.kassa.payment.refund;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** The refunds, with guarded transitions like the payment orders': each reports whether it applied. */
public interface Refunds extends Repository<Refund, String> {

    /** Inserts a new refund unless its id exists; concurrent duplicates serialize on the primary key. */
    @Modifying
    @Query("""
            INSERT INTO refund (refund_id, payment_order_id, amount_minor, currency)
            VALUES (:refundId, :paymentOrderId, :amountMinor, :currency)
            ON CONFLICT (refund_id) DO NOTHING""")
    boolean insertIfAbsent(String refundId, String paymentOrderId, long amountMinor, String currency);

    Optional<Refund> findById(String refundId);

    Optional<Refund> findByPspRefundReference(String pspRefundReference);

    List<Refund> findByPaymentOrderIdOrderByCreatedAtAscRefundIdAsc(String paymentOrderId);

    /** The refunds of the orders {@code paymentOrderIds}, oldest first. */
    @Query("SELECT * FROM refund WHERE payment_order_id IN (:paymentOrderIds) ORDER BY created_at, refund_id")
    List<Refund> findByPaymentOrderIdIn(Collection<String> paymentOrderIds);

    /** {@code REQUESTED → PENDING}: the PSP accepted it and will tell the result by webhook. */
    @Modifying
    @Query("""
            UPDATE refund SET status = 'PENDING', psp_refund_reference = :pspRefundReference,
                   status_changed_at = now(), updated_at = now()
            WHERE refund_id = :refundId AND attempt = :attempt AND status = 'REQUESTED'""")
    boolean markPending(String refundId, int attempt, String pspRefundReference);

    /** {@code REQUESTED | PENDING → SUCCEEDED}; empty when it is already resolved. */
    @Query("""
            UPDATE refund SET status = 'SUCCEEDED',
                   psp_refund_reference = COALESCE(:pspRefundReference, psp_refund_reference),
                   status_changed_at = now(), updated_at = now()
            WHERE refund_id = :refundId AND status IN ('REQUESTED', 'PENDING')
            RETURNING *""")
    Optional<Refund> markSucceeded(String refundId, String pspRefundReference);

    /**
     * {@code REQUESTED | PENDING → FAILED}; empty when it is already resolved. A message longer than its column
     * is cut to fit, marked by "...".
     */
    @Query("""
            UPDATE refund SET status = 'FAILED',
                   psp_refund_reference = COALESCE(:pspRefundReference, psp_refund_reference),
                   failure_code = :failureCode,
                   failure_message = CASE WHEN char_length(:failureMessage) > 500
                                          THEN left(:failureMessage, 497) || '...' ELSE :failureMessage END,
                   status_changed_at = now(), updated_at = now()
            WHERE refund_id = :refundId AND status IN ('REQUESTED', 'PENDING')
            RETURNING *""")
    Optional<Refund> markFailed(String refundId, String pspRefundReference, String failureCode, String failureMessage);

    /** Refunds still unresolved after {@code ageSeconds} (by the database's clock), oldest first. */
    @Query("""
            SELECT * FROM refund
             WHERE status IN ('REQUESTED', 'PENDING') AND status_changed_at < now() - make_interval(secs => :ageSeconds)
             ORDER BY status_changed_at LIMIT :limit""")
    List<Refund> findUnresolvedLongerThan(double ageSeconds, int limit);
}
