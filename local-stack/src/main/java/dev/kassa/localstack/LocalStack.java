package dev.kassa.localstack;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.apache.kafka.common.utils.AppInfoParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Kafka broker and one PostgreSQL server. {@link #shared()} is the pair that all tests of a JVM share:
 * started lazily on first use, stopped by a JVM shutdown hook; embedded or as containers, as {@link StackChoice}
 * says. Test classes isolate themselves with
 * {@link #freshDatabase(String)} and their own topics.
 */
public final class LocalStack {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    private static final Object SHARED_LOCK = new Object();
    private static volatile LocalStack shared;
    private static RuntimeException sharedStartFailure;

    private final KafkaBroker kafka;
    private final KafkaPrincipals kafkaPrincipals;
    private final PostgresServer postgres;
    private final AtomicInteger databaseCounter = new AtomicInteger();
    private final AtomicInteger topicCounter = new AtomicInteger();
    /** Per database prefix: its roles, with passwords made for this stack (a new stack, new passwords). */
    private final Map<String, DatabaseRoles> rolesByPrefix = new ConcurrentHashMap<>();
    private final Map<String, DatabaseRoles> rolesByDatabase = new ConcurrentHashMap<>();

    private LocalStack(KafkaBroker kafka, KafkaPrincipals kafkaPrincipals, PostgresServer postgres) {
        this.kafka = kafka;
        this.kafkaPrincipals = kafkaPrincipals;
        this.postgres = postgres;
    }

    /** The per-JVM shared broker and PostgreSQL (temporary data, free ports), started on first call. */
    public static LocalStack shared() {
        LocalStack stack = shared;
        if (stack != null) {
            return stack;
        }
        synchronized (SHARED_LOCK) {
            if (shared == null) {
                if (sharedStartFailure != null) {
                    // Fail the remaining test classes fast instead of retrying a slow start each time.
                    throw new IllegalStateException("The shared local stack failed to start earlier", sharedStartFailure);
                }
                try {
                    LocalStack started = start(StackChoice.fromEnvironment(), KafkaBroker.Options.defaults(),
                            PostgresServer.Options.defaults());
                    Runtime.getRuntime().addShutdownHook(new Thread(started::close, "local-stack-shutdown"));
                    shared = started;
                } catch (RuntimeException e) {
                    sharedStartFailure = e;
                    throw e;
                }
            }
            return shared;
        }
    }

    static LocalStack start(KafkaBroker.Options kafkaOptions, PostgresServer.Options postgresOptions) {
        return start(new StackChoice(StackChoice.Mode.EMBEDDED, "asked for"), kafkaOptions, postgresOptions);
    }

    /** Starts both servers, PostgreSQL in the background while the broker starts (they share little). */
    static LocalStack start(StackChoice choice, KafkaBroker.Options kafkaOptions, PostgresServer.Options postgresOptions) {
        boolean containers = choice.mode() == StackChoice.Mode.CONTAINERS;
        log.info(containers
                        ? "Local stack: containers " + ContainerImages.KAFKA + " and " + ContainerImages.POSTGRES + " ({})"
                        : "Local stack: embedded Kafka " + AppInfoParser.getVersion() + " in-process and PostgreSQL binaries ({})",
                choice.reason());
        long started = System.nanoTime();
        CompletableFuture<PostgresServer> postgres = CompletableFuture.supplyAsync(
                () -> containers ? ContainerPostgresServer.start(postgresOptions) : PostgresServer.start(postgresOptions),
                runnable -> new Thread(runnable, "local-stack-postgres-start").start());
        KafkaBroker kafka;
        try {
            kafka = containers ? ContainerKafkaBroker.start(kafkaOptions) : KafkaBroker.start(kafkaOptions);
        } catch (RuntimeException e) {
            postgres.thenAccept(PostgresServer::close);
            throw e;
        }
        try {
            KafkaPrincipals principals = KafkaPrincipals.provision(kafka, kafkaOptions.defaultPartitions());
            PostgresServer server = postgres.join();
            log.info("Local stack up in {} ms: Kafka {}, PostgreSQL {} on {}", (System.nanoTime() - started) / 1_000_000,
                    kafka.bootstrapServers(), serverVersion(server), server.jdbcUrl(""));
            return new LocalStack(kafka, principals, server);
        } catch (CompletionException e) {
            kafka.close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        } catch (RuntimeException e) {
            kafka.close();
            postgres.thenAccept(PostgresServer::close);
            throw e;
        }
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    /** The services' Kafka principals on {@link #kafka()} (see {@link KafkaPrincipals}). */
    public KafkaPrincipals kafkaPrincipals() {
        return kafkaPrincipals;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    /**
     * Creates a new database "&lt;prefix&gt;_&lt;n&gt;" (n unique in this stack), owned by the role
     * "&lt;prefix&gt;_owner"; the service's runtime role is "&lt;prefix&gt;_app" ({@link #roles(String)}).
     * The prefix is lower-cased and anything but letters, digits and '_' becomes '_'.
     */
    public String freshDatabase(String prefix) {
        String sanitized = sanitize(prefix);
        String name = sanitized + "_" + databaseCounter.incrementAndGet();
        DatabaseRoles roles = rolesByPrefix.computeIfAbsent(sanitized, DatabaseRoles::withRandomPasswords);
        postgres.createDatabase(name, roles);
        rolesByDatabase.put(name, roles);
        return name;
    }

    /** The owner and runtime logins of a database made by {@link #freshDatabase(String)}. */
    public DatabaseRoles roles(String database) {
        DatabaseRoles roles = rolesByDatabase.get(database);
        if (roles == null) {
            throw new IllegalArgumentException("Not a database of freshDatabase(...): " + database);
        }
        return roles;
    }

    /** The service's own principal: what its connection pool logs in as. */
    public DataSource runtimeDataSource(String database) {
        return postgres.dataSource(database, roles(database).runtime());
    }

    /**
     * The owner's principal, for tests that must set up or reset data beyond what the service itself may do
     * (delete from append-only tables, bypass a trigger): never for what the service does.
     */
    public DataSource ownerDataSource(String database) {
        return postgres.dataSource(database, roles(database).owner());
    }

    /**
     * Creates a new topic "&lt;prefix&gt;.&lt;n&gt;" (n unique in this stack) with the given partitions, for tests
     * that need a topic nobody else writes to.
     */
    public String freshTopic(String prefix, int partitions) {
        if (prefix == null || !prefix.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("A topic prefix of letters, digits, '.', '_' or '-' is required: " + prefix);
        }
        String name = prefix + "." + topicCounter.incrementAndGet();
        kafka.createTopics(Map.of(name, partitions));
        return name;
    }

    /** Stops both, in parallel: JVM shutdown hooks (where this usually runs) should be quick. */
    void close() {
        Thread postgresStop = new Thread(postgres::close, "local-stack-postgres-stop");
        postgresStop.start();
        try {
            kafka.close();
        } finally {
            try {
                postgresStop.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String serverVersion(PostgresServer server) {
        try (Connection connection = server.dataSource("postgres").getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW server_version")) {
            rows.next();
            return rows.getString(1);
        } catch (SQLException e) {
            return "(version unknown: " + e.getMessage() + ")";
        }
    }

    static String sanitize(String prefix) {
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalArgumentException("A database prefix is required");
        }
        String name = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (!Character.isLetter(name.charAt(0)) && name.charAt(0) != '_') {
            name = "_" + name;
        }
        return name.length() > 50 ? name.substring(0, 50) : name;
    }
}
