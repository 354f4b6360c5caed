package dev.kassa.payment.order;

import dev.kassa.web.security.AuditContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * On JdbcClient because it sets three transaction-local settings in one {@code SELECT}, which is no repository
 * method. Which cause the transaction carries is remembered as a transaction resource, so naming it again is free.
 */
class ChangeCausesImpl implements ChangeCauses {

    private static final Object NAMED = new Object();

    private final JdbcClient jdbc;

    ChangeCausesImpl(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void nameCause(ChangeCause cause, String detail) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A change cause is named inside the transaction that changes the order");
        }
        Named named = (Named) TransactionSynchronizationManager.getResource(NAMED);
        if (named != null && named.cause == cause) {
            return;
        }
        String actor = cause == ChangeCause.API || cause == ChangeCause.OPERATOR
                ? AuditContext.current().map(AuditContext::actor).orElse(null) : null;
        // '' rather than NULL: the triggers read both as "none".
        jdbc.sql("SELECT set_config('kassa.cause', ?, true), set_config('kassa.actor', ?, true),"
                        + " set_config('kassa.detail', ?, true)")
                .params(cause.name(), actor == null ? "" : actor, detail == null ? "" : detail)
                .query().singleRow();
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
