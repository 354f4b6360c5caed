package dev.kassa.localstack;

import dev.kassa.localstack.process.Supervised;
import java.nio.file.Path;

import javax.sql.DataSource;

/**
 * A real PostgreSQL server for tests and local runs, with an administration role {@value #USERNAME} (it owns the
 * databases created through {@link #createDatabase(String)}, and is a member of the owner role of those created
 * through {@link #createDatabase(String, DatabaseRoles)}): embedded binaries run as a child process
 * ({@link #start(Options)}) or a {@code postgres} container (see {@link StackChoice}).
 *
 * <p>{@link #stop()}, {@link #restart()}, {@link #process()} and {@link #dataDir()} are offered by the embedded server
 * only.
 */
public interface PostgresServer extends AutoCloseable {

    /** Local-stack's administration role (dev and tests only; the server trusts local connections). */
    String USERNAME = "kassa";
    /** Local default credentials (dev and tests only; the server trusts local connections). */
    String PASSWORD = "kassa";

    /**
     * @param dataDir        the data directory; {@code null} = a temporary one, deleted on close
     * @param port           0 = a free port, picked once and kept across restarts
     * @param maxConnections five services' connection pools plus tests share one server
     */
    /**
     * @param binariesDir where the PostgreSQL binaries are unpacked; {@code null} = zonky's shared directory under
     *                    {@code java.io.tmpdir} (tests), a directory of its own for a system whose data is kept
     */
    public record Options(Path dataDir, int port, int maxConnections, Path binariesDir) {

        public Options {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("Not a port: " + port);
            }
            if (maxConnections < 10) {
                throw new IllegalArgumentException("maxConnections must be >= 10: " + maxConnections);
            }
        }

        public Options(Path dataDir, int port, int maxConnections) {
            this(dataDir, port, maxConnections, null);
        }

        public Options(Path dataDir, int port) {
            this(dataDir, port, 300);
        }

        /** A temporary data directory, a free port, 300 connections, the shared binaries. */
        public static Options defaults() {
            return new Options(null, 0, 300);
        }

        public Options withDataDir(Path dataDir) {
            return new Options(dataDir, port, maxConnections, binariesDir);
        }

        public Options withPort(int port) {
            return new Options(dataDir, port, maxConnections, binariesDir);
        }

        public Options withMaxConnections(int maxConnections) {
            return new Options(dataDir, port, maxConnections, binariesDir);
        }

        public Options withBinariesDir(Path binariesDir) {
            return new Options(dataDir, port, maxConnections, binariesDir);
        }
    }
    /** Starts an embedded server (a child process of this JVM). */
    static PostgresServer start(Options options) {
        return EmbeddedPostgresServer.start(options);
    }

    int port();

    String username();

    String password();

    Path dataDir();

    String jdbcUrl(String database);

    /** Creates the database, owned by the {@value #USERNAME} role, unless it exists already. */
    void createDatabase(String name);

    /**
     * Creates or updates a service database's {@link DatabaseRoles} (cluster-wide login roles, given these passwords)
     * and the database, owned by the owner role; only the two roles may connect to it. A database that exists but
     * belongs to another role (an older Kassa's, owned by {@value #USERNAME}) is handed over with its objects.
     */
    void createDatabase(String name, DatabaseRoles roles);

    /** A non-pooling data source for the {@value #USERNAME} role; give it to a pool if you need one. */
    DataSource dataSource(String database);

    /** A non-pooling data source for a login of {@link #createDatabase(String, DatabaseRoles)}. */
    DataSource dataSource(String database, DatabaseRoles.Login login);

    boolean isRunning();

    /** Shuts the server down (fast mode: open connections are closed); data and port are kept. */
    void stop();

    /** Starts the server (again), on the same port with the same data. */
    void restart();

    /** The server's process, for a {@link Supervised supervisor} to start again when it dies (embedded only). */
    Supervised process();

    /** Stops the server for good; a temporary data directory is deleted. */
    @Override
    void close();
}
