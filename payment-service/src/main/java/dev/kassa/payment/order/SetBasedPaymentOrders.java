package dev.kassa.payment.order;

import java.util.List;
import java.util.Map;

/** The statements of {@link PaymentOrders} that touch many orders at once, on the hot paths or for a report. */
public interface SetBasedPaymentOrders {

    /**
     * {@code NOT_STARTED → EXECUTING} for each (order, attempt), in one statement and one commit for a whole wave
     * of execution requests; the statement names its cause itself ({@link ChangeCause#EXECUTOR}).
     *
     * @return the orders now EXECUTING the requested attempt: just started, or already executing it (a request
     *         delivered again; calling the PSP again with the same key is safe). Orders resolved, or on another
     *         attempt, are absent.
     */
    List<PaymentOrder> startExecutions(List<String> paymentOrderIds, List<Integer> attempts);

    /**
     * {@code EXECUTING → SUCCEEDED} or {@code → FAILED} for each result's attempt, in one statement for all the answers
     * a wave applies together. A failure message longer than its column is cut to fit, marked by "...".
     *
     * @param cause named by the statement itself, unless the transaction carries a cause already
     *              ({@link ChangeCauses}): no statement of its own
     * @return the orders the results applied to, as they are now; a result for an order elsewhere (late, duplicate,
     *         for another attempt) changes nothing and is absent
     */
    List<PaymentOrder> resolveExecutions(ChangeCause cause, List<ExecutionResult> results);

    /**
     * {@code NOT_STARTED → FAILED} for each (failed) result's attempt, in one statement: a charge stopped before the
     * PSP was called ({@link ChangeCause#RISK_CHECK}, named by the statement as {@link #resolveExecutions} does).
     *
     * @return the orders failed, as they are now; an order no longer NOT_STARTED on that attempt is absent
     */
    List<PaymentOrder> failBeforeExecution(List<ExecutionResult> results);

    /** How many orders are in each state (every state present, 0 when none). */
    Map<PaymentOrderStatus, Long> countByStatus();
}
