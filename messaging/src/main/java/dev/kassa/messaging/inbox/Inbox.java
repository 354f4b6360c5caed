package dev.kassa.messaging.inbox;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
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
        requireTransaction();
        return jdbc.update("""
                INSERT INTO processed_message (consumer, event_id) VALUES (?, ?)
                ON CONFLICT (consumer, event_id) DO NOTHING""", consumer, eventId) == 1;
    }

    /**
     * {@link #markProcessed(String, String)} for many events in one statement.
     *
     * @return the ids recorded now, i.e. the events whose effect must be applied; an id that is repeated in
     *         {@code eventIds} is returned once
     */
    public Set<String> markProcessed(String consumer, Collection<String> eventIds) {
        requireTransaction();
        Set<String> recorded = new HashSet<>();
        jdbc.query("""
                INSERT INTO processed_message (consumer, event_id) SELECT ?, unnest(?::text[])
                ON CONFLICT (consumer, event_id) DO NOTHING
                RETURNING event_id""", rs -> {
            recorded.add(rs.getString(1));
        }, consumer, eventIds.toArray(String[]::new));
        return recorded;
    }

    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException(
                    "Inbox.markProcessed needs the transaction of the handler's effect");
        }
    }
}
