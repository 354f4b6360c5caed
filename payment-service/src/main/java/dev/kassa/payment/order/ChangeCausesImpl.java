package dev.kassa.payment.order;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * On JdbcClient because it sets three transaction-local settings in one {@code SELECT}, which is no repository
 * method. Naming the cause the transaction carries already is free ({@link CauseNaming}).
 */
class ChangeCausesImpl implements ChangeCauses {

    private final JdbcClient jdbc;

    ChangeCausesImpl(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void nameCause(ChangeCause cause, String detail) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A change cause is named inside the transaction that changes the order");
        }
        CauseNaming naming = CauseNaming.toName(cause, detail);
        if (naming == null) {
            return;
        }
        jdbc.sql("SELECT " + CauseNaming.IN_STATEMENT).params(naming.parameters()).query().singleRow();
        naming.named();
    }
}
