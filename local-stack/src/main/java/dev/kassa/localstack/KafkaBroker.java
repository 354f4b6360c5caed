package dev.kassa.localstack;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.common.acl.AclBinding;

/**
 * A real Apache Kafka broker for tests and local runs: in-process ({@link #start(Options)}, KRaft combined mode on
 * 127.0.0.1) or an {@code apache/kafka} container (see {@link StackChoice}).
 *
 * <p>{@link #stop()} and {@link #restart()} keep the port and the data, so tests can simulate an outage; only the
 * in-process broker offers them, as it does {@link #dataDir()}.
 */
public interface KafkaBroker extends AutoCloseable {

    /**
     * @param dataDir           the log directory; {@code null} = a temporary directory, deleted on close
     * @param port              the client port; 0 = a free port, picked once and kept across restarts
     * @param controllerPort    the KRaft controller port; 0 = a free port, picked once
     * @param defaultPartitions partitions of a topic created without an explicit count
     */
    public record Options(Path dataDir, int port, int controllerPort, int defaultPartitions) {

        public Options {
            checkPort(port);
            checkPort(controllerPort);
            if (defaultPartitions < 1) {
                throw new IllegalArgumentException("defaultPartitions must be >= 1: " + defaultPartitions);
            }
        }

        public Options(Path dataDir, int port, int defaultPartitions) {
            this(dataDir, port, 0, defaultPartitions);
        }

        /** A temporary data directory, free ports, 3 partitions per topic. */
        public static Options defaults() {
            return new Options(null, 0, 0, 3);
        }

        public Options withDataDir(Path dataDir) {
            return new Options(dataDir, port, controllerPort, defaultPartitions);
        }

        public Options withPort(int port) {
            return new Options(dataDir, port, controllerPort, defaultPartitions);
        }

        public Options withControllerPort(int controllerPort) {
            return new Options(dataDir, port, controllerPort, defaultPartitions);
        }

        public Options withDefaultPartitions(int defaultPartitions) {
            return new Options(dataDir, port, controllerPort, defaultPartitions);
        }

        private static void checkPort(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("Not a port: " + port);
            }
        }
    }
    /** Starts a broker in this JVM. */
    static KafkaBroker start(Options options) {
        return EmbeddedKafkaBroker.start(options);
    }

    /** "host:port", for {@code bootstrap.servers}. */
    String bootstrapServers();

    /**
     * Whether clients must authenticate and only what an ACL allows is allowed (the embedded broker). The container
     * broker is Testcontainers' stock {@code apache/kafka} setup, which does neither.
     */
    boolean secured();

    /** The super user (only where {@link #secured()}): local-stack's own administration, test fixtures. */
    KafkaCredentials superUser();

    /** Client properties that reach the broker as its super user (only bootstrap servers where not {@link #secured()}). */
    default Map<String, Object> superUserClientProperties() {
        return superUser().clientProperties(bootstrapServers());
    }

    /** Client properties that reach the broker as {@code principal} (only bootstrap servers where not {@link #secured()}). */
    default Map<String, Object> clientProperties(KafkaCredentials principal) {
        return principal.clientProperties(bootstrapServers());
    }

    /** Creates or updates the principals' SCRAM credentials; only where {@link #secured()}. */
    void upsertUsers(Collection<KafkaCredentials> users);

    /** Adds ACLs; only where {@link #secured()}. */
    void createAcls(Collection<AclBinding> acls);

    int port();

    Path dataDir();

    boolean isRunning();

    /**
     * Creates the topics that do not exist yet, with the given partition counts, and waits until every
     * partition has a leader. Existing topics are left alone, whatever their partition count.
     */
    void createTopics(Map<String, Integer> partitionsByTopic);

    /** Shuts the broker down cleanly; data and port are kept for {@link #restart()}. */
    void stop();

    /** Starts the broker again after {@link #stop()}, on the same port with the same data. */
    void restart();

    /** Stops the broker for good; a temporary data directory is deleted. */
    @Override
    void close();
}
