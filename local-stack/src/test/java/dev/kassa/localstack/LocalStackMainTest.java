package dev.kassa.localstack;

import static dev.kassa.localstack.PostgresServerTest.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LocalStackMain as a developer runs it, in its own JVM - including being killed with kill -9. */
class LocalStackMainTest {

    @TempDir
    Path dataDir;

    @Test
    void printsSettingsAndKeepsDataThroughAKillAndARestart() throws Exception {
        int postgresPort = FreePort.pick();
        Process main = new ProcessBuilder(javaCommand(), "-cp", System.getProperty("java.class.path"),
                LocalStackMain.class.getName(), "--data-dir", dataDir.toString(), "--kafka-port", "0",
                "--postgres-port", String.valueOf(postgresPort), "--databases", "payment,ledger",
                "--topics", "payments:2")
                .redirectErrorStream(true)
                .start();
        List<String> output;
        try {
            output = readUntilReady(main);
            try (Connection connection = DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + postgresPort + "/ledger", "kassa", "kassa");
                 Statement sql = connection.createStatement()) {
                sql.execute("CREATE TABLE entries (amount_minor BIGINT)");
                sql.execute("INSERT INTO entries VALUES (777)");
            }
            // a service started with its application-local.yml logs in as its runtime role
            try (Connection runtime = DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + postgresPort + "/ledger", "ledger_app", LocalStackMain.LOCAL_PASSWORD)) {
                assertThat(runtime.isValid(5)).isTrue();
            }
            assertThatThrownBy(() -> PostgresServer.start(PostgresServer.Options.defaults().withDataDir(dataDir.resolve("postgres"))))
                    .hasMessageContaining("in use by another process");
        } finally {
            main.destroyForcibly(); // SIGKILL: no shutdown hooks, the postmaster is orphaned
            main.waitFor(10, TimeUnit.SECONDS);
        }

        assertThat(output).anyMatch(line -> line.matches("\\s+Kafka bootstrap servers : 127\\.0\\.0\\.1:\\d+"));
        assertThat(output).contains("  payment                 : jdbc:postgresql://127.0.0.1:" + postgresPort + "/payment");
        assertThat(output).anyMatch(line -> line.contains("kassa / kassa (local defaults)"));
        assertThat(output).anyMatch(line -> line.contains("service logins"));

        // The next run takes over: the orphaned postmaster is stopped, the data is still there...
        PostgresServer.Options options = PostgresServer.Options.defaults()
                .withDataDir(dataDir.resolve("postgres")).withPort(postgresPort);
        try (PostgresServer next = PostgresServer.start(options)) {
            assertThat(query(next, "SELECT amount_minor FROM entries")).isEqualTo("777");
            assertThat(query(next, "SHOW fsync")).isEqualTo("on");
            assertThat(query(next, "SHOW synchronous_commit")).isEqualTo("on");
            assertThat(query(next, "SHOW commit_delay")).isEqualTo("1000"); // group commit (µs), durability unchanged
        }
        // ...and survives a clean stop and start as well.
        try (PostgresServer again = PostgresServer.start(options)) {
            assertThat(query(again, "SELECT amount_minor FROM entries")).isEqualTo("777");
        }
    }

    private static String query(PostgresServer postgres, String sql) throws Exception {
        try (Connection connection = postgres.dataSource("ledger").getConnection();
             Statement statement = connection.createStatement()) {
            return single(statement, sql);
        }
    }

    private static List<String> readUntilReady(Process main) throws Exception {
        List<String> lines = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(main.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Void> ready = CompletableFuture.runAsync(() -> {
            try {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.add(line);
                    if (line.startsWith("Press Ctrl-C")) {
                        return;
                    }
                }
                throw new IllegalStateException("LocalStackMain ended early");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            ready.get(120, TimeUnit.SECONDS); // generous: CI machines may be busy
        } catch (Exception e) {
            throw new AssertionError("LocalStackMain did not get ready; output: " + lines, e);
        }
        return lines;
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
