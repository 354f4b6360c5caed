package dev.kassa.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prints how long the local stack's operations take on this machine (median of three runs, ms).
 *
 * <pre>./mvnw -B -q -pl local-stack test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.kassa.localstack.LocalStackBenchmark</pre>
 */
public final class LocalStackBenchmark {

    private static final int RUNS = 3;

    private final Map<String, Long> medians = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        LocalStackBenchmark benchmark = new LocalStackBenchmark();
        benchmark.run();
        System.out.println();
        System.out.println("local-stack benchmark (median of " + RUNS + " runs, ms)");
        benchmark.medians.forEach((name, millis) -> System.out.printf("  %-55s %6d%n", name, millis));
    }

    private void run() throws Exception {
        measure("Kafka: first start (format storage + start)",
                i -> KafkaBroker.start(KafkaBroker.Options.defaults()), KafkaBroker::close);
        try (KafkaBroker broker = KafkaBroker.start(KafkaBroker.Options.defaults())) {
            measure("Kafka: stop", i -> {
                broker.stop();
                return broker;
            }, KafkaBroker::restart);
            measure("Kafka: restart after stop", i -> {
                broker.restart();
                return broker;
            }, KafkaBroker::stop);
            broker.restart();
            measure("Kafka: createTopics (3 topics x 3 partitions)", i -> {
                broker.createTopics(Map.of("bench" + i + "a", 3, "bench" + i + "b", 3, "bench" + i + "c", 3));
                return broker;
            }, b -> { });
        }
        measure("PostgreSQL: first start (initdb + start)",
                i -> PostgresServer.start(PostgresServer.Options.defaults()), PostgresServer::close);
        try (PostgresServer server = PostgresServer.start(PostgresServer.Options.defaults())) {
            measure("PostgreSQL: restart after stop", i -> {
                server.restart();
                return server;
            }, PostgresServer::stop);
            server.restart();
            measure("PostgreSQL: createDatabase (temporary, fsync off)", i -> {
                server.createDatabase("bench_" + i);
                return server;
            }, s -> { });
        }
        Path persistent = Files.createTempDirectory("kassa-bench-");
        try (PostgresServer server = PostgresServer.start(PostgresServer.Options.defaults().withDataDir(persistent))) {
            measure("PostgreSQL: createDatabase (persistent, fsync on)", i -> {
                server.createDatabase("bench_" + i);
                return server;
            }, s -> { });
        } finally {
            DataDirectory.deleteRecursively(persistent);
        }
        measure("LocalStack: broker and PostgreSQL started in parallel",
                i -> LocalStack.start(KafkaBroker.Options.defaults(), PostgresServer.Options.defaults()),
                LocalStack::close);
    }

    /** Times {@code action} RUNS times; {@code cleanup} runs after each timing, untimed. */
    private <T> void measure(String name, Action<T> action, Cleanup<T> cleanup) throws Exception {
        long[] millis = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long started = System.nanoTime();
            T result = action.run(i);
            millis[i] = (System.nanoTime() - started) / 1_000_000;
            cleanup.accept(result);
        }
        Arrays.sort(millis);
        medians.put(name, millis[RUNS / 2]);
    }

    @FunctionalInterface
    private interface Action<T> {
        T run(int index) throws Exception;
    }

    @FunctionalInterface
    private interface Cleanup<T> {
        void accept(T result) throws Exception;
    }

    private LocalStackBenchmark() {
    }
}
