package dev.kassa.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker, run in-process in KRaft combined mode (broker and controller in one node, no
 * ZooKeeper, no Docker) on 127.0.0.1. Storage is formatted on first start and reused afterwards.
 *
 * <p>{@link #stop()} and {@link #restart()} keep the port and the data, so tests can simulate an outage.
 */
final class EmbeddedKafkaBroker implements KafkaBroker {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final String TEMP_PREFIX = "kassa-kafka-";

    private final DataDirectory dataDir;
    private final int port;
    private final KafkaConfig config;
    private final KafkaCredentials superUser;
    private final KafkaAdministration administration;
    private KafkaRaftServer server; // null while stopped
    private boolean closed;

    private EmbeddedKafkaBroker(DataDirectory dataDir, int port, KafkaConfig config, KafkaCredentials superUser) {
        this.dataDir = dataDir;
        this.port = port;
        this.config = config;
        this.superUser = superUser;
        this.administration = new KafkaAdministration(superUserClientProperties());
    }

    static EmbeddedKafkaBroker start(Options options) {
        Objects.requireNonNull(options, "options");
        QuietLogging.apply();
        KafkaExitGuard.install();
        DataDirectory.cleanAbandoned(TEMP_PREFIX, dir -> { }); // the broker died with its JVM: only files remain
        DataDirectory dataDir = DataDirectory.of(options.dataDir(), TEMP_PREFIX);
        try {
            int port = FreePort.orPick(options.port());
            int controllerPort = FreePort.orPick(options.controllerPort());
            KafkaCredentials superUser = KafkaSuperUser.readOrCreate(dataDir.path());
            Properties properties = KafkaBrokerSettings.of(dataDir.path(), port, controllerPort,
                    options.defaultPartitions(), superUser);
            KafkaConfig config = KafkaConfig.fromProps(properties, false);
            if (KafkaStorage.formatIfNeeded(config, dataDir.path(), superUser)) {
                log.info("Formatted Kafka storage in {}", dataDir.path());
            }
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dataDir, port, config, superUser);
            broker.restart();
            return broker;
        } catch (RuntimeException e) {
            dataDir.close();
            throw e;
        }
    }

    /** "127.0.0.1:&lt;port&gt;", for {@code bootstrap.servers}. */
    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public boolean secured() {
        return true;
    }

    @Override
    public KafkaCredentials superUser() {
        return superUser;
    }

    @Override
    public void upsertUsers(Collection<KafkaCredentials> users) {
        synchronized (this) {
            requireRunning();
        }
        administration.upsertUsers(users, Duration.ofSeconds(30));
    }

    @Override
    public void createAcls(Collection<AclBinding> acls) {
        synchronized (this) {
            requireRunning();
        }
        administration.createAcls(acls, Duration.ofSeconds(30));
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public Path dataDir() {
        return dataDir.path();
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    /**
     * Creates the topics that do not exist yet, with the given partition counts, and waits until every
     * partition has a leader. Existing topics are left alone, whatever their partition count.
     */
    @Override
    public void createTopics(Map<String, Integer> partitionsByTopic) {
        synchronized (this) {
            requireRunning();
        }
        administration.createMissing(partitionsByTopic, Duration.ofSeconds(30));
    }

    /** Shuts the broker down cleanly; data and port are kept for {@link #restart()}. */
    @Override
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        long started = System.nanoTime();
        administration.close();
        server.shutdown();
        server.awaitShutdown();
        server = null;
        log.info("Kafka broker on {} stopped in {} ms", bootstrapServers(), millisSince(started));
    }

    /** Starts the broker again after {@link #stop()}, on the same port with the same data. */
    @Override
    public synchronized void restart() {
        if (closed) {
            throw new IllegalStateException("Kafka broker was closed");
        }
        if (server != null) {
            return;
        }
        long started = System.nanoTime();
        KafkaRaftServer starting = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            starting.startup();
        } catch (RuntimeException e) {
            starting.shutdown();
            starting.awaitShutdown();
            throw new IllegalStateException("Kafka broker did not start on " + bootstrapServers(), e);
        }
        server = starting;
        log.info("Kafka broker started on {} in {} ms (data: {})", bootstrapServers(), millisSince(started),
                dataDir.path());
    }

    /** Stops the broker for good; a temporary data directory is deleted. */
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
        }
    }

    @Override
    public String toString() {
        return "EmbeddedKafkaBroker[" + bootstrapServers() + ", " + dataDir.path() + "]";
    }

    private void requireRunning() {
        if (server == null) {
            throw new IllegalStateException("Kafka broker on " + bootstrapServers() + " is not running");
        }
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }
}
