package dev.kassa.messaging.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's dedicated connection: it elects the one active publisher of a database with
 * {@code pg_try_advisory_lock}, held as long as the session lives and released by PostgreSQL if the process
 * dies. Nothing else runs on it; the batches use the service's pool.
 */
final class RelaySession implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RelaySession.class);

    private final DedicatedConnectionFactory connections;
    private final long lockKey;
    private Connection connection;
    private boolean leader;

    RelaySession(DedicatedConnectionFactory connections, long lockKey) {
        this.connections = connections;
        this.lockKey = lockKey;
    }

    boolean isLeader() {
        return leader;
    }

    /** Takes the lock if it is free; true while this session holds it. */
    boolean tryLead() throws SQLException {
        if (leader) {
            return true;
        }
        if (connection == null) {
            connection = connections.open();
            connection.setAutoCommit(true);
        }
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, lockKey);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                leader = rs.getBoolean(1);
            }
        }
        if (leader) {
            log.info("Outbox relay is the active publisher (advisory lock {})", lockKey);
        }
        return leader;
    }

    /** A round trip on the session: fails if it died, and with it the lock. */
    void checkAlive() throws SQLException {
        try (Statement ping = connection.createStatement()) {
            ping.execute("SELECT 1");
        }
    }

    /** Gives up the lock and the connection (after a failure, or on shutdown). */
    @Override
    public void close() {
        if (connection == null) {
            return;
        }
        try {
            if (leader && !connection.isClosed()) {
                try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    unlock.setLong(1, lockKey);
                    unlock.execute();
                }
            }
        } catch (SQLException e) {
            log.debug("Could not release the relay lock explicitly; closing the session releases it", e);
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("Closing the relay session failed", e);
            }
            connection = null;
            leader = false;
        }
    }
}
