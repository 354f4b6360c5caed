package dev.kassa.localstack;

import static dev.kassa.localstack.PostgresServerTest.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.kassa.localstack.process.Supervisor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Servers with a persistent data directory, stopped and started again (PostgreSQL's persistent path is
 * covered by {@link LocalStackMainTest}), and the clean-up of temporary ones.
 */
class PersistentDataTest {

    @TempDir
    Path dataDir;

    @Test
    void postgresStopAndRestartKeepPortAndDataAndATemporaryDirectoryGoesOnClose() throws Exception {
        Path temporaryDir;
        try (PostgresServer postgres = PostgresServer.start(PostgresServer.Options.defaults())) {
            temporaryDir = postgres.dataDir();
            String url = postgres.jdbcUrl("outage");
            postgres.createDatabase("outage");

            postgres.stop();
            assertThat(postgres.isRunning()).isFalse();
            assertThatThrownBy(() -> DriverManager.getConnection(url, "kassa", "kassa").close())
                    .isInstanceOf(SQLException.class);

            postgres.restart();
            assertThat(postgres.jdbcUrl("outage")).isEqualTo(url);
            try (Connection connection = DriverManager.getConnection(url, "kassa", "kassa");
                 Statement sql = connection.createStatement()) {
                assertThat(single(sql, "SELECT current_database()")).isEqualTo("outage");
            }
        }
        assertThat(Files.exists(temporaryDir)).isFalse();
    }

    @Test
    void aKilledPostmasterIsStartedAgainBySupervisionWithItsData() throws Exception {
        List<String> console = new CopyOnWriteArrayList<>();
        try (PostgresServer postgres = PostgresServer.start(PostgresServer.Options.defaults()
                .withDataDir(dataDir.resolve("postgres")));
             Supervisor supervisor = Supervisor.watch(List.of(postgres.process()), console::add)) {
            postgres.createDatabase("crash");
            String url = postgres.jdbcUrl("crash");
            try (Connection connection = DriverManager.getConnection(url, "kassa", "kassa");
                 Statement sql = connection.createStatement()) {
                sql.execute("CREATE TABLE kept (note text); INSERT INTO kept VALUES ('committed before the crash')");
            }
            ProcessHandle first = OrphanPostmaster.postmaster(dataDir.resolve("postgres/pgdata")).orElseThrow();

            first.destroyForcibly(); // kill -9

            await("the supervisor's restart").atMost(Duration.ofMinutes(2)).until(() ->
                    OrphanPostmaster.postmaster(dataDir.resolve("postgres/pgdata"))
                            .filter(postmaster -> postmaster.pid() != first.pid()).isPresent());
            await("the console's report").atMost(Duration.ofMinutes(1)).until(() ->
                    console.stream().anyMatch(line -> line.startsWith("postgresql is UP again at 127.0.0.1:")));
            try (Connection connection = DriverManager.getConnection(url, "kassa", "kassa");
                 Statement sql = connection.createStatement()) {
                assertThat(single(sql, "SELECT note FROM kept")).isEqualTo("committed before the crash");
            }
            assertThat(console).anyMatch(line -> line.startsWith("postgresql ended; restarting it"));
            assertThat(supervisor.restarts()).isEqualTo(1);
        }
    }

    @Test
    void postgresRunsFromBinariesUnpackedWhereTheOptionsSay() throws Exception {
        Path binaries = dataDir.resolve("postgres-binaries");
        try (PostgresServer postgres = PostgresServer.start(PostgresServer.Options.defaults()
                .withDataDir(dataDir.resolve("postgres")).withBinariesDir(binaries))) {
            postgres.createDatabase("own_binaries");
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("own_binaries"), "kassa", "kassa");
                 Statement sql = connection.createStatement()) {
                assertThat(single(sql, "SELECT current_database()")).isEqualTo("own_binaries");
            }
            try (Stream<Path> files = Files.walk(binaries)) {
                assertThat(files.map(file -> file.getFileName().toString())).contains("postgres", "pg_ctl");
            }
        }
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
