package dev.kassa.payment.dispute;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** The disputes: upserted from the PSP's webhooks, changed by their merchant's answers; every change guarded. */
interface Disputes extends Repository<Dispute, String> {

    Optional<Dispute> findById(String disputeId);

    /**
     * Records what a PSP webhook says of a dispute: inserts it, or moves it forward to {@code status} (the statuses'
     * order: NEEDS_RESPONSE, UNDER_REVIEW, then the final ones); a status that is not ahead of the stored one changes
     * nothing (a duplicate, or a webhook that arrived after a later one). A
     * dispute its merchant accepted that the PSP calls lost stays ACCEPTED.
     *
     * @return the dispute as it is now when something changed, else empty
     */
    @Query("""
            INSERT INTO dispute AS d (dispute_id, payment_order_id, merchant_id, psp_reference, amount_minor, currency,
                                      reason, status, evidence_due_by, closed_at)
            VALUES (:disputeId, :paymentOrderId, :merchantId, :pspReference, :amountMinor, :currency, :reason, :status,
                    :evidenceDueBy, CASE WHEN :status IN ('WON', 'LOST') THEN now() END)
            ON CONFLICT (dispute_id) DO UPDATE
               SET status = CASE WHEN EXCLUDED.status = 'LOST' AND d.accepted_by IS NOT NULL THEN 'ACCEPTED'
                                 ELSE EXCLUDED.status END,
                   amount_minor = EXCLUDED.amount_minor,
                   evidence_due_by = COALESCE(EXCLUDED.evidence_due_by, d.evidence_due_by),
                   closed_at = COALESCE(d.closed_at, EXCLUDED.closed_at),
                   updated_at = now()
             WHERE (CASE EXCLUDED.status WHEN 'NEEDS_RESPONSE' THEN 0 WHEN 'UNDER_REVIEW' THEN 1 ELSE 2 END)
                 > (CASE d.status WHEN 'NEEDS_RESPONSE' THEN 0 WHEN 'UNDER_REVIEW' THEN 1 ELSE 2 END)
            RETURNING *""")
    Optional<Dispute> upsertFromPsp(String disputeId, String paymentOrderId, String merchantId, String pspReference,
                                    long amountMinor, String currency, String reason, String status,
                                    Instant evidenceDueBy);

    /** {@code NEEDS_RESPONSE → UNDER_REVIEW} (or a PSP status further on) after the merchant's evidence went in. */
    @Query("""
            UPDATE dispute SET evidence_submitted_by = :actor, updated_at = now(),
                   status = CASE WHEN status = 'NEEDS_RESPONSE' THEN :status ELSE status END
             WHERE dispute_id = :disputeId AND status IN ('NEEDS_RESPONSE', 'UNDER_REVIEW')
            RETURNING *""")
    Optional<Dispute> evidenceSubmitted(String disputeId, String status, String actor);

    /** {@code NEEDS_RESPONSE → ACCEPTED}: the merchant conceded and the PSP closed the dispute. */
    @Query("""
            UPDATE dispute SET status = 'ACCEPTED', accepted_by = :actor, closed_at = now(), updated_at = now()
             WHERE dispute_id = :disputeId AND status IN ('NEEDS_RESPONSE', 'LOST')
            RETURNING *""")
    Optional<Dispute> accepted(String disputeId, String actor);

    /**
     * Records the PSP's withdrawal of the disputed funds, once: the dispute fee it charged and who bears it.
     *
     * @return the dispute as it is now when this recorded it; empty when it was recorded before (a duplicate or
     *         reordered webhook), so that only the first publishes {@code DisputeFundsWithdrawn}
     */
    @Query("""
            UPDATE dispute SET funds_withdrawn_at = now(), withdrawn_fee_minor = :feeMinor, fee_bearer = :feeBearer,
                   updated_at = now()
             WHERE dispute_id = :disputeId AND funds_withdrawn_at IS NULL
            RETURNING *""")
    Optional<Dispute> fundsWithdrawn(String disputeId, long feeMinor, String feeBearer);

    /**
     * Records that the PSP gave a won dispute's funds back, once, and only after its withdrawal was recorded (a lost
     * or accepted dispute never gets them back; the table's check says so too).
     *
     * @return the dispute as it is now when this recorded it, else empty
     */
    @Query("""
            UPDATE dispute SET funds_reinstated_at = now(), fee_returned_minor = :feeReturnedMinor, updated_at = now()
             WHERE dispute_id = :disputeId AND status = 'WON'
               AND funds_withdrawn_at IS NOT NULL AND funds_reinstated_at IS NULL
            RETURNING *""")
    Optional<Dispute> fundsReinstated(String disputeId, long feeReturnedMinor);

    /** Newest first, of one merchant (null: every merchant's) and status (null: any). */
    @Query("""
            SELECT * FROM dispute
             WHERE (CAST(:merchantId AS text) IS NULL OR merchant_id = :merchantId)
               AND (CAST(:status AS text) IS NULL OR status = :status)
             ORDER BY created_at DESC, dispute_id DESC
             LIMIT :limit""")
    List<Dispute> findNewestFirst(String merchantId, String status, int limit);

    @Query("SELECT * FROM dispute WHERE payment_order_id = :paymentOrderId ORDER BY created_at")
    List<Dispute> findByPaymentOrderId(String paymentOrderId);
}
