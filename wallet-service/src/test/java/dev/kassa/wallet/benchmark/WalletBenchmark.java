package dev.kassa.wallet.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kassa.localstack.LocalStack;
import dev.kassa.localstack.PostgresServer;
import dev.kassa.schemas.ConsumerGroups;
import dev.kassa.schemas.Topics;
import dev.kassa.schemas.event.PaymentOrderSucceeded;
import dev.kassa.testfixtures.EventProducer;
import dev.kassa.testfixtures.TestEvents;
import dev.kassa.wallet.WalletServiceApplication;
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
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * Throughput of the wallet consumer: pre-fills {@code payment.results} with N {@code PaymentOrderSucceeded}
 * records across many sellers, starts the service with its listeners stopped, then starts consuming and
 * measures how fast the events are applied (inbox row, balance upsert and movement, outbox row, one
 * transaction each) and how much CPU that costs. Not part of {@code verify}:
 *
 * <pre>
 * ./mvnw -B -q -pl wallet-service verify -Dtest=WalletBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dwallet.test.argLine="-Xmx2g -XX:+UseParallelGC"
 * cat wallet-service/target/wallet-benchmark.txt
 * </pre>
 *
 * Options (system properties): {@code wallet.benchmark.events} (50000), {@code .sellers} (1000),
 * {@code .partitions} (6), {@code .concurrency} (3, as the service runs), {@code .args} (extra service arguments).
 */
class WalletBenchmark {

    private static final int EVENTS = Integer.getInteger("wallet.benchmark.events", 50_000);
    private static final int SELLERS = Integer.getInteger("wallet.benchmark.sellers", 1_000);
    private static final int PARTITIONS = Integer.getInteger("wallet.benchmark.partitions", 6);
    private static final int CONCURRENCY = Integer.getInteger("wallet.benchmark.concurrency", 3);
    private static final int SEND_CHUNK = 5_000;
    private static final String MAIN_LISTENER = "kassa.wallet-service.payment.results";
    private static final Path REPORT = Path.of("target", "wallet-benchmark.txt");

    @Test
    void appliesPrefilledPaymentResults() {
        deleteReport();
        LocalStack stack = LocalStack.shared();
        PostgresServer postgres = stack.postgres();
        String database = stack.freshDatabase("wallet_bench");
        String bootstrap = stack.kafka().bootstrapServers();
        stack.kafka().createTopics(Map.of(Topics.PAYMENT_RESULTS, PARTITIONS));

        long expectedTotal = prefill(stack.kafka().superUserClientProperties());

        // Command-line arguments: they win over application.yml (builder properties would not).
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + postgres.jdbcUrl(database),
                "--spring.datasource.username=" + postgres.username(),
                "--spring.datasource.password=" + postgres.password(),
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                // SpringApplication's arguments in this JVM, not a process's command line
                "--kassa.kafka.username=" + ConsumerGroups.WALLET_SERVICE,
                "--kassa.kafka.password=" + stack.kafkaPrincipals().of(ConsumerGroups.WALLET_SERVICE).orElseThrow().password(),
                "--spring.kafka.listener.auto-startup=false",
                "--server.port=0",
                "--kassa.messaging.topic-partitions=" + PARTITIONS,
                "--kassa.messaging.consumer.concurrency=" + CONCURRENCY));
        String extra = System.getProperty("wallet.benchmark.args", "");
        if (!extra.isBlank()) {
            args.addAll(List.of(extra.trim().split("\\s+")));
        }
        long starting = System.nanoTime();
        try (ConfigurableApplicationContext wallet = new SpringApplicationBuilder(WalletServiceApplication.class)
                .run(args.toArray(String[]::new))) {
            double startupSeconds = seconds(System.nanoTime() - starting);
            JdbcClient jdbc = wallet.getBean(JdbcClient.class);
            boolean relayEnabled = wallet.getEnvironment()
                    .getProperty("kassa.messaging.outbox.relay-enabled", Boolean.class, true);

            CpuClock cpu = CpuClock.of(postgres);
            long started = System.nanoTime();
            wallet.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer(MAIN_LISTENER).start();
            await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(100))
                    .until(() -> count(jdbc, "SELECT count(*) FROM wallet_movement") >= EVENTS);
            double appliedSeconds = seconds(System.nanoTime() - started);
            if (relayEnabled) {
                await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                        .until(() -> count(jdbc, "SELECT count(*) FROM outbox_message WHERE sent_at IS NULL") == 0);
            }
            double drainedSeconds = seconds(System.nanoTime() - started);
            CpuClock.Used used = cpu.used();
            double loadAverage = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

            assertThat(count(jdbc, "SELECT count(*) FROM wallet_movement")).isEqualTo(EVENTS);
            assertThat(count(jdbc, "SELECT coalesce(sum(balance_minor), 0) FROM wallet_balance"))
                    .isEqualTo(expectedTotal);

            int cores = Runtime.getRuntime().availableProcessors();
            double cpuMillisPerEvent = (used.jvmSeconds() + used.postgresSeconds()) * 1000 / EVENTS;
            print("wallet benchmark: %,d PaymentOrderSucceeded over %,d sellers, %d partitions, %d consumer threads%s",
                    EVENTS, SELLERS, PARTITIONS, CONCURRENCY, extra.isBlank() ? "" : ", " + extra.trim());
            print("  service startup (listeners stopped):  %6.1f s", startupSeconds);
            print("  applied:                              %,8.0f events/s  (%,d in %.1f s)",
                    EVENTS / appliedSeconds, EVENTS, appliedSeconds);
            if (relayEnabled) {
                print("  wallet.events outbox drained:         %6.1f s after the start", drainedSeconds);
            }
            print("  CPU until drained: JVM %.1f s (service, relay and the in-process Kafka broker),"
                    + " PostgreSQL %.1f s", used.jvmSeconds(), used.postgresSeconds());
            print("  CPU per event: %.2f ms, i.e. at most ~%,.0f events/s on %d otherwise idle cores",
                    cpuMillisPerEvent, cores * 1000 / cpuMillisPerEvent, cores);
            print("  machine: %d cores, load average %.1f at the end (other builds share it)", cores, loadAverage);
        }
    }

    /** Writes the records before the service starts, so that it finds a full topic. */
    private static long prefill(Map<String, Object> superUser) {
        long total = 0;
        long started = System.nanoTime();
        try (EventProducer producer = new EventProducer(superUser)) {
            List<PaymentOrderSucceeded> chunk = new ArrayList<>(SEND_CHUNK);
            for (int i = 0; i < EVENTS; i++) {
                long amount = ThreadLocalRandom.current().nextLong(100, 100_000);
                total += amount;
                chunk.add(TestEvents.paymentSucceeded("bench_seller_" + (i % SELLERS), amount, "USD"));
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
