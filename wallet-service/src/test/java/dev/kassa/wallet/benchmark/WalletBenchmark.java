package dev.kassa.wallet.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kassa.localstack.LocalStack;
import dev.kassa.localstack.PostgresServer;
import dev.kassa.schemas.Topics;
import dev.kassa.schemas.event.PaymentOrderSucceeded;
import dev.kassa.wallet.WalletServiceApplication;
import dev.kassa.wallet.support.PaymentResultsProducer;
import dev.kassa.wallet.support.TestEvents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Throughput of the wallet consumer: pre-fills {@code payment.results} with N {@code PaymentOrderSucceeded}
 * records across many sellers, then starts the service and measures how fast it applies them (inbox row,
 * balance upsert, movement, outbox row per event, one transaction each). Not part of {@code verify}:
 *
 * <pre>
 * ./mvnw -B -q -pl wallet-service verify -Dtest=WalletBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * Options (system properties): {@code wallet.benchmark.events} (50000), {@code .sellers} (1000),
 * {@code .partitions} (6), {@code .concurrency} (= partitions). Figures go to stdout and
 * {@code wallet-service/target/wallet-benchmark.txt}.
 */
class WalletBenchmark {

    private static final int EVENTS = Integer.getInteger("wallet.benchmark.events", 50_000);
    private static final int SELLERS = Integer.getInteger("wallet.benchmark.sellers", 1_000);
    private static final int PARTITIONS = Integer.getInteger("wallet.benchmark.partitions", 6);
    private static final int CONCURRENCY = Integer.getInteger("wallet.benchmark.concurrency", PARTITIONS);
    private static final int SEND_CHUNK = 5_000;
    private static final Path REPORT = Path.of("target", "wallet-benchmark.txt");

    @Test
    void appliesPrefilledPaymentResults() {
        deleteReport();
        LocalStack stack = LocalStack.shared();
        PostgresServer postgres = stack.postgres();
        String database = stack.freshDatabase("wallet_bench");
        String bootstrap = stack.kafka().bootstrapServers();
        stack.kafka().createTopics(Map.of(Topics.PAYMENT_RESULTS, PARTITIONS));

        long expectedTotal = prefill(bootstrap);

        long started = System.nanoTime();
        // Command-line arguments: they win over application.yml (builder properties would not).
        try (ConfigurableApplicationContext wallet = new SpringApplicationBuilder(WalletServiceApplication.class)
                .run("--spring.datasource.url=" + postgres.jdbcUrl(database),
                        "--spring.datasource.username=" + postgres.username(),
                        "--spring.datasource.password=" + postgres.password(),
                        "--spring.kafka.bootstrap-servers=" + bootstrap,
                        "--server.port=0",
                        "--kassa.messaging.topic-partitions=" + PARTITIONS,
                        "--kassa.messaging.consumer.concurrency=" + CONCURRENCY)) {
            long contextReady = System.nanoTime();
            JdbcClient jdbc = wallet.getBean(JdbcClient.class);
            await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(250))
                    .until(() -> count(jdbc, "SELECT count(*) FROM wallet_movement") >= EVENTS);
            long applied = System.nanoTime();
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250))
                    .until(() -> count(jdbc, "SELECT count(*) FROM outbox_message WHERE sent_at IS NULL") == 0);
            long published = System.nanoTime();

            double firstToLast = jdbc.sql("""
                            SELECT EXTRACT(EPOCH FROM max(recorded_at) - min(recorded_at)) FROM wallet_movement""")
                    .query(Double.class).single();
            long total = count(jdbc, "SELECT coalesce(sum(balance_minor), 0) FROM wallet_balance");
            assertThat(count(jdbc, "SELECT count(*) FROM wallet_movement")).isEqualTo(EVENTS);
            assertThat(total).isEqualTo(expectedTotal);

            print("wallet benchmark: %,d PaymentOrderSucceeded over %,d sellers, %d partitions, %d consumer threads",
                    EVENTS, SELLERS, PARTITIONS, CONCURRENCY);
            print("  startup until context ready:          %6.1f s", seconds(contextReady - started));
            print("  applied (first to last movement):     %,8.0f events/s  (%.1f s)", EVENTS / firstToLast,
                    firstToLast);
            print("  applied (from start, incl. startup):  %,8.0f events/s  (%.1f s)",
                    EVENTS / seconds(applied - started), seconds(applied - started));
            print("  wallet.events outbox drained after:   %6.1f s", seconds(published - started));
            print("  machine: %d cores, load average %.1f (1 min; other builds share the machine)",
                    Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** Writes the records before the service starts, so that it finds a full topic. */
    private static long prefill(String bootstrap) {
        long total = 0;
        long started = System.nanoTime();
        try (PaymentResultsProducer producer = new PaymentResultsProducer(bootstrap)) {
            List<PaymentOrderSucceeded> chunk = new ArrayList<>(SEND_CHUNK);
            for (int i = 0; i < EVENTS; i++) {
                long amount = ThreadLocalRandom.current().nextLong(100, 100_000);
                total += amount;
                chunk.add(TestEvents.succeeded("bench_seller_" + (i % SELLERS), amount, "USD"));
                if (chunk.size() == SEND_CHUNK) {
                    producer.sendAll(chunk);
                    chunk.clear();
                }
            }
            producer.sendAll(chunk);
        }
        print("  pre-filled %,d records in %.1f s", EVENTS, seconds(System.nanoTime() - started));
        return total;
    }

    private static void deleteReport() {
        try {
            Files.deleteIfExists(REPORT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** Surefire sends test output to a file; the figures also go to {@code target/wallet-benchmark.txt}. */
    private static void print(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        System.out.println(line);
        try {
            Files.writeString(REPORT, line + System.lineSeparator(), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
