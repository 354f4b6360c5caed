package dev.kassa.ledger.posting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kassa.ledger.LedgerIntegrationTest;
import dev.kassa.localstack.LocalStack;
import dev.kassa.schemas.ConsumerGroups;
import dev.kassa.schemas.Topics;
import dev.kassa.testfixtures.EventProducer;
import dev.kassa.testfixtures.TestEvents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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

    /** The broker as its super user: these tests play the services that publish what the ledger consumes. */
    final Map<String, Object> superUser = LocalStack.shared().kafka().superUserClientProperties();

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void postingThroughput() {
        int payments = Integer.getInteger("kassa.benchmark.payments", 50_000);
        String run = TestEvents.id("bench");
        MessageListenerContainer consumer = listeners.getListenerContainer(MAIN_LISTENER);
        assertThat(consumer).as("listener " + MAIN_LISTENER).isNotNull();
        consumer.stop();

        long fillStart = System.nanoTime();
        Random random = new Random(42);
        try (EventProducer producer = new EventProducer(superUser)) {
            for (int i = 0; i < payments; i++) {
                String order = run + "_po" + i;
                producer.sendAsync(order, TestEvents.paymentSucceeded(order, run + "_s" + random.nextInt(50),
                        1 + random.nextInt(100_000), CURRENCIES.get(random.nextInt(CURRENCIES.size()))));
            }
            producer.flush();
        }
        double fillSeconds = seconds(System.nanoTime() - fillStart);

        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Duration jvmCpuBefore = jvmCpu();
        Map<String, Long> threadCpuBefore = threadCpuByName();
        Duration postgresCpuBefore = postgresCpu();
        long start = System.nanoTime();
        consumer.start();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20)).until(() -> posted(run) > 0);
        long first = System.nanoTime();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100)).until(() -> posted(run) == payments);
        long last = System.nanoTime();
        String busiestThreads = busiestThreads(threadCpuBefore, threadCpuByName(), payments);
        double jvmCpuPerEntry = jvmCpu().minus(jvmCpuBefore).toNanos() / 1e6 / payments;
        double postgresCpuPerEntry = postgresCpu().minus(postgresCpuBefore).toNanos() / 1e6 / payments;
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
                CPU per entry while consuming: %.3f ms JVM (service, in-process Kafka broker) + %.3f ms PostgreSQL
                  -> about %,.0f entries/s if the %d cores were ours alone (estimate from CPU time, not measured)
                busiest JVM threads (ms CPU per entry; JIT and GC are in the JVM total only):
                %s
                =====
                """.formatted(payments, Topics.PAYMENT_RESULTS, fillSeconds, payments / fillSeconds,
                seconds(first - start), seconds(last - first), (payments - 1) / seconds(last - first),
                seconds(last - start), payments / seconds(last - start), seconds(published - start),
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter,
                jvmCpuPerEntry, postgresCpuPerEntry,
                Runtime.getRuntime().availableProcessors() * 1000 / (jvmCpuPerEntry + postgresCpuPerEntry),
                Runtime.getRuntime().availableProcessors(), busiestThreads);
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

    /** CPU time of the JVM's platform threads by name pattern (virtual threads count on their carriers). */
    private static Map<String, Long> threadCpuByName() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> byName = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                byName.merge(info.getThreadName().replaceAll("[0-9]+", "N"), Math.max(cpu, 0), Long::sum);
            }
        }
        return byName;
    }

    private static String busiestThreads(Map<String, Long> before, Map<String, Long> after, int entries) {
        return after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(6)
                .map(e -> String.format("  %6.3f  %s", e.getValue() / 1e6 / entries, e.getKey()))
                .collect(Collectors.joining("\n"));
    }

    private static Duration jvmCpu() {
        return Duration.ofNanos(((com.sun.management.OperatingSystemMXBean)
                ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime());
    }

    /** CPU time of local-stack's PostgreSQL server and its backends (found by their data directory). */
    private static Duration postgresCpu() {
        String dataDir = LocalStack.shared().postgres().dataDir().toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(dataDir)).orElse(false))
                .flatMap(postmaster -> Stream.concat(Stream.of(postmaster), postmaster.descendants()))
                .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    private long posted(String run) {
        return jdbc.queryForObject("SELECT count(*) FROM journal_entry WHERE payment_order_id LIKE ?", Long.class,
                run + "\\_po%");
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
