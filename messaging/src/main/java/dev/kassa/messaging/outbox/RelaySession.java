package dev.kassa.messaging.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relay's dedicated connection: it elects the one active publisher of a database with
 * {@code pg_try_advisory_lock}, held as long as the session lives and released by PostgreSQL if the process
 * dies. The relay's own statements run on it too ({@link #repository()}, {@link #transactions()}): a batch commits
 * only on the session that holds the lock, so a relay whose session died cannot commit one, without a round trip
 * to check the session before each batch, and the relay never waits for a pooled connection behind the requests.
 */
final class RelaySession implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RelaySession.class);

    private final DedicatedConnectionFactory connections;
    private final long lockKey;
    private Connection connection;
    private OutboxRepository repository;
    private TransactionTemplate transactions;
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
            // The transaction manager turns auto-commit off for a transaction and on again after it.
            SingleConnectionDataSource session = new SingleConnectionDataSource(connection, true);
            repository = new OutboxRepository(session);
            transactions = new TransactionTemplate(new DataSourceTransactionManager(session));
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

    /** The relay's statements on this session; only while it leads. */
    OutboxRepository repository() {
        return requireLeader(repository);
    }

    /** Transactions on this session; only while it leads. */
    TransactionTemplate transactions() {
        return requireLeader(transactions);
    }

    private <T> T requireLeader(T onSession) {
        if (!leader) {
            throw new IllegalStateException("The relay's session does not hold the lock");
        }
        return onSession;
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
            repository = null;
            transactions = null;
            leader = false;
        }
    }
}
