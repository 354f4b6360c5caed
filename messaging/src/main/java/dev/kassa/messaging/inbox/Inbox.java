package dev.kassa.messaging.inbox;

import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.IllegalTransactionStateException;

/**
 * The idempotent-consumer record {@code processed_message(consumer, event_id)}. Declared consumers use it
 * automatically; a service calls it directly only for an event it handles outside a declared consumer.
 */
public class Inbox {

    private final JdbcTemplate jdbc;

    public Inbox(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /**
     * Records that {@code consumer} handled {@code eventId}, in the caller's transaction (like
     * {@link Propagation#MANDATORY}), so that the record commits or rolls back with the handler's effect.
     *
     * @return {@code true} the first time; {@code false} for a duplicate, whose effect must be skipped
     */
    public boolean markProcessed(String consumer, String eventId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException(
                    "Inbox.markProcessed needs the transaction of the handler's effect");
        }
        return jdbc.update("""
                INSERT INTO processed_message (consumer, event_id) VALUES (?, ?)
                ON CONFLICT (consumer, event_id) DO NOTHING""", consumer, eventId) == 1;
    }
}
