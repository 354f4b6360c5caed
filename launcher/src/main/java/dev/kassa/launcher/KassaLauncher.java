package dev.kassa.launcher;

import dev.kassa.launcher.bench.BenchCommand;
import dev.kassa.launcher.demo.Demo;
import dev.kassa.localstack.process.ServiceJars;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * {@code ./kassa}: starts Kafka, PostgreSQL and the five services on this machine, drives a demo through
 * the real APIs, prints a summary, and keeps everything running until Ctrl-C, which stops every child.
 * {@code ./kassa bench ...} runs the benchmark instead ({@link BenchCommand}).
 */
public final class KassaLauncher {

    private KassaLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].equals("bench")) {
            List<String> benchArgs = Arrays.asList(args).subList(1, args.length);
            System.exit(BenchCommand.run(benchArgs, ServiceJars.repositoryRoot().resolve(".kassa"), System.out));
            return;
        }
        LauncherOptions options;
        try {
            options = LauncherOptions.parse(Arrays.asList(args), ServiceJars.repositoryRoot().resolve(".kassa"));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(LauncherOptions.USAGE);
            System.exit(2);
            return;
        }
        SystemSettings settings = SystemSettings.defaults(options.workDir());
        if (options.fresh()) {
            deleteRecursively(settings.dataDir());
            System.out.println("Wiped " + settings.dataDir());
        }

        KassaSystem system;
        try {
            system = KassaSystem.start(settings, System.out::println);
        } catch (RuntimeException e) {
            System.err.println("Kassa did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Kassa ...");
            system.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }, "kassa-shutdown"));

        if (options.demo()) {
            new Demo(system).run(System.out);
        }
        if (options.exitAfterDemo()) {
            System.exit(0);
        }
        printUrls(system);
        stopped.await();
    }

    private static void printUrls(KassaSystem system) {
        System.out.println();
        System.out.println("Kassa is running. Press Ctrl-C to stop every process.");
        for (KassaService service : KassaService.values()) {
            System.out.printf("  %-24s %s   log: %s%n", service.module(), system.url(service),
                    system.service(service).logFile());
        }
        System.out.printf("  %-24s %s%n", "kafka", system.kafka().bootstrapServers());
        System.out.printf("  %-24s %s (user %s)%n", "postgresql", system.postgres().jdbcUrl("<service>"),
                system.postgres().username());
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
