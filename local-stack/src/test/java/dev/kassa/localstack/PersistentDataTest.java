package dev.kassa.localstack;

import static dev.kassa.localstack.PostgresServerTest.single;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The LocalStackMain path: servers with a persistent data directory, stopped and started again. */
class PersistentDataTest {

    @TempDir
    Path dataDir;

    @Test
    void postgresKeepsItsDataAcrossRunsAndIsDurable() throws Exception {
        PostgresServer.Options options = PostgresServer.Options.defaults().withDataDir(dataDir.resolve("postgres"));
        int port;
        try (PostgresServer first = PostgresServer.start(options)) {
            port = first.port();
            first.createDatabase("ledger");
            try (Connection connection = first.dataSource("ledger").getConnection();
                 Statement sql = connection.createStatement()) {
                sql.execute("CREATE TABLE entries (id BIGINT PRIMARY KEY, amount_minor BIGINT NOT NULL)");
                sql.execute("INSERT INTO entries VALUES (1, 4200)");
                assertThat(single(sql, "SHOW fsync")).isEqualTo("on");
            }
        }
        assertThat(dataDir.resolve("postgres/pgdata/PG_VERSION")).exists();

        try (PostgresServer second = PostgresServer.start(options.withPort(port))) {
            second.createDatabase("ledger"); // exists already: no-op
            try (Connection connection = second.dataSource("ledger").getConnection();
                 Statement sql = connection.createStatement()) {
                assertThat(single(sql, "SELECT amount_minor FROM entries WHERE id = 1")).isEqualTo("4200");
            }
        }
    }

    @Test
    void aTemporaryPostgresDeletesItsDataOnClose() {
        Path temporaryDir;
        try (PostgresServer temporary = PostgresServer.start(PostgresServer.Options.defaults())) {
            temporaryDir = temporary.dataDir();
            assertThat(temporaryDir.resolve("pgdata/PG_VERSION")).exists();
        }
        assertThat(Files.exists(temporaryDir)).isFalse();
    }

    @Test
    void kafkaKeepsTopicsAndRecordsAcrossRuns() throws Exception {
        KafkaBroker.Options options = KafkaBroker.Options.defaults().withDataDir(dataDir.resolve("kafka"));
        int port;
        try (KafkaBroker first = KafkaBroker.start(options)) {
            port = first.port();
            first.createTopics(Map.of("persistent.payments", 2));
            KafkaBrokerTest.send(first, "persistent.payments", "payment-1", "kept");
        }
        assertThat(dataDir.resolve("kafka/meta.properties")).exists();

        // Same data and client port; the controller port is picked afresh, as LocalStackMain does.
        try (KafkaBroker second = KafkaBroker.start(options.withPort(port))) {
            assertThat(KafkaBrokerTest.readAll(second, "persistent.payments", 1))
                    .extracting(ConsumerRecord::value)
                    .containsExactly("kept");
        }
    }
}
