package dev.kassa.ledger.posting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kassa.ledger.LedgerIntegrationTest;
import dev.kassa.ledger.support.PaymentResultsProducer;
import dev.kassa.ledger.support.TestEvents;
import dev.kassa.schemas.ConsumerGroups;
import dev.kassa.schemas.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Throughput of posting from a pre-filled payment.results: the consumer is stopped, N succeeded payments
 * are written to the topic, the consumer is started, and the entries committed per second are printed.
 * Not part of {@code verify}; the command is in the README (N: {@code -Dkassa.benchmark.payments=50000}).
 */
class LedgerBenchmark extends LedgerIntegrationTest {

    private static final String MAIN_LISTENER = "kassa." + ConsumerGroups.LEDGER_SERVICE + "." + Topics.PAYMENT_RESULTS;
    private static final List<String> CURRENCIES = List.of("USD", "EUR", "JPY", "KWD");

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void postingThroughput() {
        int payments = Integer.getInteger("kassa.benchmark.payments", 50_000);
        String run = TestEvents.newId("bench");
        MessageListenerContainer consumer = listeners.getListenerContainer(MAIN_LISTENER);
        assertThat(consumer).as("listener " + MAIN_LISTENER).isNotNull();
        consumer.stop();

        long fillStart = System.nanoTime();
        Random random = new Random(42);
        try (PaymentResultsProducer producer = new PaymentResultsProducer(bootstrapServers)) {
            for (int i = 0; i < payments; i++) {
                String order = run + "_po" + i;
                producer.sendAsync(order, TestEvents.paymentSucceeded(order, run + "_s" + random.nextInt(50),
                        1 + random.nextInt(100_000), CURRENCIES.get(random.nextInt(CURRENCIES.size()))));
            }
            producer.flush();
        }
        double fillSeconds = seconds(System.nanoTime() - fillStart);

        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long start = System.nanoTime();
        consumer.start();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20)).until(() -> posted(run) > 0);
        long first = System.nanoTime();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100)).until(() -> posted(run) == payments);
        long last = System.nanoTime();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM outbox_message WHERE sent_at IS NULL", Long.class) == 0);
        long published = System.nanoTime();
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

        String report = """

                ===== LedgerBenchmark: %,d succeeded payments pre-filled on %s =====
                pre-fill (producer)                    %8.1f s  %,10.0f records/s
                start -> first entry (group join)      %8.1f s
                first -> last entry committed          %8.1f s  %,10.0f entries/s
                start -> last entry committed          %8.1f s  %,10.0f entries/s
                start -> every LedgerTransactionRecorded sent (outbox drained) %8.1f s
                machine: %d cores, load average %.1f before, %.1f after (other processes share the cores)
                =====
                """.formatted(payments, Topics.PAYMENT_RESULTS, fillSeconds, payments / fillSeconds,
                seconds(first - start), seconds(last - first), (payments - 1) / seconds(last - first),
                seconds(last - start), payments / seconds(last - start), seconds(published - start),
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter);
        System.out.println(report);
        writeReport(report);

        Map<String, Object> trialBalance = http().get().uri("/api/v1/ledger/trial-balance").retrieve().body(JSON);
        assertThat(trialBalance).containsEntry("balanced", true);
    }

    /** Surefire sends test output to a file; the figures also go to target/benchmark/ for the README command. */
    private static void writeReport(String report) {
        try {
            Path file = Path.of("target", "benchmark", "ledger-benchmark.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long posted(String run) {
        return jdbc.queryForObject("SELECT count(*) FROM journal_entry WHERE payment_order_id LIKE ?", Long.class,
                run + "\\_po%");
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
