package dev.kassa.payment.order;

/**
 * Names the cause of the status changes the current transaction makes, for the history triggers of
 * {@code payment_order} to record (transaction-local settings {@code kassa.cause}, {@code kassa.actor},
 * {@code kassa.detail}). A fragment of {@link PaymentOrders}, so every code path that changes an order already
 * holds it.
 *
 * <p>At most one statement per transaction: naming the cause the transaction already carries costs nothing, so
 * the executor's wave, which applies many PSP answers in one transaction, names {@link ChangeCause#PSP_ANSWER}
 * once. The set-based statements on the hot paths ({@link SetBasedPaymentOrders}) name their cause inside themselves
 * instead, no statement of their own ({@link CauseNaming}).
 */
public interface ChangeCauses {

    /** {@link #nameCause(ChangeCause, String)} without a detail. */
    default void nameCause(ChangeCause cause) {
        nameCause(cause, null);
    }

    /**
     * Names {@code cause} for the rest of the current transaction, unless the transaction carries it already (then
     * the first detail stands: the caller that knows most names it first, such as the webhook with its event id).
     * The actor is the caller of the current request for {@link ChangeCause#API} and {@link ChangeCause#OPERATOR}
     * ({@code merchant:<id>}, {@code operator:<name>}), none for the service's own causes.
     *
     * @param detail what the history shows beside the cause (a webhook's event id); null for none
     * @throws IllegalStateException outside a transaction, where the setting would end with this statement
     */
    void nameCause(ChangeCause cause, String detail);
}
