package dev.kassa.messaging.consumer;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a counter update once the current transaction has committed (at once outside a transaction), so that
 * an attempt that rolls back and is applied again, such as a consumer batch falling back to one event at a
 * time ({@link BatchInboxListener}) or the executor's answers falling back to one transaction each, is counted
 * once. Every service counts its effects through this.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    public static void run(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
