package dev.kassa.payment.order;

import dev.kassa.web.security.AuditContext;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transaction-local settings that name a change cause ({@code kassa.cause}, {@code kassa.actor},
 * {@code kassa.detail}, read by the history triggers), and which cause the current transaction carries already: it is
 * remembered as a transaction resource, so naming it again costs no statement.
 *
 * <p>{@link ChangeCausesImpl} sets them with a {@code SELECT} of their own; a set-based statement that changes orders
 * sets them inside itself ({@link #IN_STATEMENT}), and so saves that round trip. Either way the cause counts as named
 * only once a statement has surely set it.
 *
 * @param actor  the caller of the current request for {@link ChangeCause#API} and {@link ChangeCause#OPERATOR}, else
 *               '' (the triggers read '' and NULL alike as "none")
 * @param detail '' for none
 */
record CauseNaming(ChangeCause cause, String actor, String detail) {

    /**
     * A condition that sets the three settings from three parameters (cause, actor, detail) and is always true: put in
     * the {@code WHERE} of a statement that changes orders, it runs before any row changes, and its history triggers
     * fire at the statement's end, after it.
     */
    static final String IN_STATEMENT = "set_config('kassa.cause', ?, true) IS NOT NULL"
            + " AND set_config('kassa.actor', ?, true) IS NOT NULL AND set_config('kassa.detail', ?, true) IS NOT NULL";

    private static final Object NAMED = new Object();

    /**
     * What must be set to name {@code cause} for the current transaction; null when it carries that cause already
     * (the first detail stands: the caller that knows most names it first, such as the webhook with its event id).
     * Outside a transaction the settings last for one statement, and nothing is remembered.
     */
    static CauseNaming toName(ChangeCause cause, String detail) {
        Named named = TransactionSynchronizationManager.isActualTransactionActive()
                ? (Named) TransactionSynchronizationManager.getResource(NAMED) : null;
        if (named != null && named.cause == cause) {
            return null;
        }
        String actor = cause == ChangeCause.API || cause == ChangeCause.OPERATOR
                ? AuditContext.current().map(AuditContext::actor).orElse(null) : null;
        return new CauseNaming(cause, actor == null ? "" : actor, detail == null ? "" : detail);
    }

    /** The parameters of {@link #IN_STATEMENT}, in its order. */
    Object[] parameters() {
        return new Object[] {cause.name(), actor, detail};
    }

    /** A statement of the current transaction has set these settings: later ones need not (until it ends). */
    void named() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return;
        }
        Named named = (Named) TransactionSynchronizationManager.getResource(NAMED);
        if (named == null) {
            named = new Named();
            TransactionSynchronizationManager.bindResource(NAMED, named);
            TransactionSynchronizationManager.registerSynchronization(named);
        }
        named.cause = cause;
    }

    /** The cause the current transaction carries; unbound while it is suspended and when it ends, as settings are. */
    private static final class Named implements TransactionSynchronization {

        private ChangeCause cause;

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(NAMED);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(NAMED, this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(NAMED);
        }
    }
}
