package dev.kassa.localstack;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The images of the container path: the ones docker-compose.yml runs (a test keeps the two in step), configured
 * like the embedded servers (no topic auto-creation, pg_stat_statements, test-speed durability).
 */
public final class ContainerImages {

    public static final String KAFKA = "apache/kafka:4.2.0";
    public static final String POSTGRES = "postgres:18";

    private ContainerImages() {
    }

    /** A KRaft broker that, like the embedded one, never creates a topic by itself. */
    public static KafkaContainer kafka(int defaultPartitions) {
        return new KafkaContainer(DockerImageName.parse(KAFKA))
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .withEnv("KAFKA_NUM_PARTITIONS", String.valueOf(defaultPartitions))
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
    }

    /**
     * PostgreSQL with the {@value PostgresServer#USERNAME} role (the image's superuser here) and the embedded test
     * server's settings: throw-away data, so no disk syncs.
     */
    public static PostgreSQLContainer postgres(int maxConnections) {
        return new PostgreSQLContainer(DockerImageName.parse(POSTGRES))
                .withUsername(PostgresServer.USERNAME)
                .withPassword(PostgresServer.PASSWORD)
                .withDatabaseName("postgres")
                .withCommand("postgres",
                        "-c", "max_connections=" + maxConnections,
                        "-c", "timezone=UTC",
                        "-c", "shared_preload_libraries=pg_stat_statements",
                        "-c", "fsync=off",
                        "-c", "synchronous_commit=off",
                        "-c", "full_page_writes=off");
    }
}
