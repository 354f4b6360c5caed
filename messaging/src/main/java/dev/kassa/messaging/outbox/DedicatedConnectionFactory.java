package dev.kassa.messaging.outbox;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens the relay's own PostgreSQL connection, outside the pool: it holds the session-level advisory
 * lock, which must not leak into a pooled connection that others reuse.
 */
@FunctionalInterface
public interface DedicatedConnectionFactory {

    Connection open() throws SQLException;
}
