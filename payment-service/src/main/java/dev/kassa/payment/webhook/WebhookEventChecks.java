package dev.kassa.payment.webhook;

import java.time.Duration;

/** The statements of {@link WebhookEvents} that read the state an event would change, and the lock wait. */
interface WebhookEventChecks {

    /** What the one-statement check of an event found. */
    enum Check {
        /** The state already reflects the event; it is recorded now (outcome IGNORED). */
        RECORDED,
        /** The state already reflects the event, which was recorded before: a redelivery. */
        DUPLICATE,
        /** Nothing was written: the event may change state (or matches nothing), so it takes the full path. */
        NOT_APPLIED
    }

    /**
     * Bounds how long the current transaction waits for a row lock; past it, a statement fails with SQL state
     * 55P03 (PostgreSQL's {@code lock_timeout}), which the shared problem handler answers 503.
     */
    void limitLockWait(Duration wait);

    /**
     * In ONE statement (and, outside a transaction, one commit): reads the payment order and, if it already
     * stands where the event would put it, records the event as IGNORED. "Already applied" means the same
     * final status, attempt, PSP intent and money, so an event that could still change anything, or that
     * the full path would log as suspicious (other money), finds no match here and writes nothing.
     *
     * <p>Safe without a lock: SUCCEEDED and FAILED are only left by a manual retry, which raises the attempt,
     * so an order that matches now has had this result applied, whatever happens next. A concurrent delivery
     * of the same event that is still on the full path holds the event id; this insert then waits for it and
     * finds a DUPLICATE, or takes the id if that transaction rolled back.
     */
    Check recordIfPaymentApplied(PspEvent event, String status, int attempt, String currency);

    /** {@link #recordIfPaymentApplied} for a refund: already in the event's final status with its PSP refund id. */
    Check recordIfRefundApplied(PspEvent event, String status);
}
