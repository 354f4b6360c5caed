package dev.kassa.messaging.benchmark;

import dev.kassa.localstack.LocalStackSpring;
import dev.kassa.localstack.LocalStack;
import dev.kassa.localstack.PostgresServer;
import dev.kassa.messaging.support.MessagingTestApplication;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Prints what an idle service costs: the CPU this JVM (the Kafka broker, which local-stack runs in-process,
 * plus a service with the test application's consumers and their retry containers, with the library's
 * default settings) and PostgreSQL use while nothing is published. Not a test; run on demand:
 *
 * <pre>./mvnw -B -q -pl messaging test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.kassa.messaging.benchmark.IdleBenchmark [-Dexec.args="60"]</pre>
 *
 * Arguments: seconds to measure (default 60, after 20 seconds of settling), then any {@code name=value}
 * settings to compare (e.g. {@code spring.kafka.consumer.fetch-max-wait=500ms}).
 */
public final class IdleBenchmark {

    private static final long CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

    public static void main(String[] args) {
        try {
            measure(args);
            System.exit(0);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1); // the broker's threads would keep the JVM alive
        }
    }

    private static void measure(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        LocalStack stack = LocalStack.shared();
        PostgresServer postgres = stack.postgres();
        String database = stack.freshDatabase("idle");
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", postgres.jdbcUrl(database));
        properties.put("spring.datasource.username", postgres.username());
        properties.put("spring.datasource.password", postgres.password());
        properties.putAll(LocalStackSpring.superUserKafkaProperties());
        properties.put("spring.liquibase.change-log", "classpath:db/changelog/test-master.yaml");
        properties.put("spring.main.web-application-type", "none");
        properties.put("spring.main.banner-mode", "off");
        // The library's defaults, not the test application.yml's short intervals.
        properties.put("spring.config.location", "optional:classpath:/idle-benchmark-none.yml");
        for (int i = 1; i < args.length; i++) { // further arguments: name=value settings to compare
            String[] setting = args[i].split("=", 2);
            properties.put(setting[0], setting[1]);
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(MessagingTestApplication.class)
                .properties(properties).run()) {
            Thread.sleep(20_000); // a main method's settling pause, not a test: group joins, first polls
            long postmaster = postmasterPid(postgres.dataDir());
            Map<Long, Long> threadsBefore = threadCpuNanos();
            long jvmBefore = processCpuNanos();
            long pgBefore = postgresTicks(postmaster);
            long started = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            double wall = (System.nanoTime() - started) / 1e9;
            double jvm = (processCpuNanos() - jvmBefore) / 1e9;
            double pg = (postgresTicks(postmaster) - pgBefore) / (double) CLOCK_TICKS_PER_SECOND;
            int cores = Runtime.getRuntime().availableProcessors();
            long consumers = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().matches(".*-C-\\d+")).count();
            System.out.printf(Locale.ROOT, "%nIdle for %.0f s (%d cores, %d listener consumers):%n", wall, cores,
                    consumers);
            System.out.printf(Locale.ROOT, "  JVM (broker + service): %6.2f s CPU = %5.2f %% of the machine%n",
                    jvm, 100 * jvm / wall / cores);
            System.out.printf(Locale.ROOT, "  PostgreSQL:             %6.2f s CPU = %5.2f %% of the machine%n",
                    pg, 100 * pg / wall / cores);
            printBusiestThreads(threadsBefore, threadCpuNanos(), wall);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static Map<Long, Long> threadCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            cpu.put(id, threads.getThreadCpuTime(id));
        }
        return cpu;
    }

    /** CPU by thread kind (the name without its numbers), busiest first. */
    private static void printBusiestThreads(Map<Long, Long> before, Map<Long, Long> after, double wall) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> byKind = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        after.forEach((id, nanos) -> {
            ThreadInfo info = threads.getThreadInfo(id);
            if (info == null || nanos < 0) {
                return;
            }
            String kind = info.getThreadName().replaceAll("\\d+", "#");
            byKind.merge(kind, nanos - before.getOrDefault(id, 0L), Long::sum);
            counts.merge(kind, 1, Integer::sum);
        });
        System.out.println("  busiest threads (CPU ms per second, threads of the kind), and the outbox relay's:");
        byKind.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .filter(e -> e.getValue() / 1e6 / wall >= 2.5 || e.getKey().equals("kassa-outbox-relay"))
                .forEach(e -> System.out.printf(Locale.ROOT, "    %8.2f  %3d  %s%n", e.getValue() / 1e6 / wall,
                        counts.get(e.getKey()), e.getKey()));
    }

    private static long postmasterPid(Path dataDir) throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("pgdata").resolve("postmaster.pid")).getFirst().trim());
    }

    /** utime + stime of the postmaster and its children (the backends and background workers). */
    private static long postgresTicks(long postmaster) throws IOException {
        long ticks = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                List<String> fields;
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    fields = List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
                } catch (IOException e) {
                    continue; // exited meanwhile
                }
                long pid = Long.parseLong(process.getFileName().toString());
                long parent = Long.parseLong(fields.get(1));
                if (pid == postmaster || parent == postmaster) {
                    ticks += Long.parseLong(fields.get(11)) + Long.parseLong(fields.get(12));
                }
            }
        }
        return ticks;
    }
}
