package dev.kassa.launcher;

import dev.kassa.launcher.access.Credentials;
import dev.kassa.launcher.bench.BenchCommand;
import dev.kassa.launcher.demo.Demo;
import dev.kassa.localstack.process.ServiceJars;
import dev.kassa.localstack.process.ServiceProcess;
import dev.kassa.localstack.process.Supervisor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import sun.misc.Signal;

/**
 * {@code ./kassa}: starts Kafka, PostgreSQL, the five services and the operator console on this machine, drives a
 * demo through the real APIs, prints a summary, and keeps everything running until Ctrl-C, which stops every child.
 * A service (or the console) whose process ends on its own is restarted ({@link Supervisor}).
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
        if (options.instances() > 1) {
            settings = settings.withInstances(options.instances());
        }
        if (options.fresh()) {
            deleteRecursively(settings.dataDir());
            deleteRecursively(settings.credentialsFile());
            System.out.println("Wiped " + settings.dataDir() + " and " + settings.credentialsFile());
        }

        KassaSystem system;
        try {
            system = KassaSystem.start(settings, System.out::println);
        } catch (RuntimeException e) {
            System.err.println("Kassa did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        // A service or the broker that crashes or is killed is started again, as systemd or Kubernetes would do.
        Supervisor supervisor = Supervisor.watch(system.supervisedProcesses(),
                line -> System.out.println("[supervisor] " + line));
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        Runnable stop = () -> {
            if (stopping.compareAndSet(false, true)) {
                System.out.println("\nStopping Kassa ...");
                supervisor.close();
                system.close();
                System.out.println("Stopped.");
            }
            stopped.countDown();
        };
        onCtrlCOrSigterm(() -> {
            stop.run();
            System.exit(0);
        });
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "kassa-shutdown")); // any other way out

        printCredentials(system);
        if (options.demo()) {
            new Demo(system).run(System.out);
        }
        if (options.exitAfterDemo()) {
            stop.run();
            System.exit(0);
        }
        printUrls(system);
        stopped.await();
    }

    /**
     * Runs {@code action} on Ctrl-C (SIGINT) and SIGTERM instead of exiting at once: the services must stop before
     * the broker and PostgreSQL, which shutdown hooks cannot promise (they run together, and local-stack's PostgreSQL
     * has its own). {@code sun.misc.Signal} is the JDK's supported way to do it (module jdk.unsupported); where a
     * signal cannot be handled, the shutdown hook does the work.
     */
    private static void onCtrlCOrSigterm(Runnable action) {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), signal -> Thread.ofPlatform().name("kassa-stop").start(action));
            } catch (IllegalArgumentException unsupported) {
                // the shutdown hook stops everything instead
            }
        }
    }

    private static void printUrls(KassaSystem system) {
        System.out.println();
        System.out.println("Kassa is running. A service, the console, Kafka or PostgreSQL that crashes is restarted;"
                + " Ctrl-C stops every process.");
        for (KassaService service : KassaService.values()) {
            if (!system.settings().behindProxy()) {
                System.out.printf("  %-24s %s   log: %s%n", service.module(), system.url(service),
                        system.service(service).logFile());
            } else {
                System.out.printf("  %-24s %s   (the proxy, in front of:)%n", service.module(), system.url(service));
                for (ServiceProcess instance : system.instances(service)) {
                    System.out.printf("    %-22s %s   log: %s%n", instance.name(), instance.baseUrl(), instance.logFile());
                }
            }
        }
        system.proxy().ifPresent(proxy -> System.out.printf("  %-24s %s (its own health)   log: %s%n",
                "proxy", proxy.baseUrl(), proxy.logFile()));
        System.out.printf("  %-24s %s  (sign in with the operator key)   log: %s%n", system.console().name(),
                system.consoleUrl(), system.console().logFile());
        System.out.printf("  %-24s %s (pid %d)   log: %s%n", "kafka", system.kafka().bootstrapServers(),
                system.kafkaProcess().pid(), system.kafkaProcess().logFile());
        System.out.printf("  %-24s %s (user %s, pid %d)   log: %s%n", "postgresql",
                system.postgres().jdbcUrl("<service>"), system.postgres().username(), system.postgres().process().pid(),
                system.postgres().process().logFile());
        Credentials credentials = system.credentials();
        System.out.printf("  %-24s operator %s, merchant %s %s (full keys in %s)%n", "keys",
                credentials.operator().visibleKey(), credentials.merchant().merchantId(),
                credentials.merchant().visibleKey(), system.settings().credentialsFile());
    }

    /**
     * Both keys in full, once, with a call to try each: every endpoint but health and the PSP webhook needs one
     * (docs/architecture.md §11).
     */
    static void printCredentials(KassaSystem system) {
        Credentials credentials = system.credentials();
        System.out.println();
        System.out.println("Operator key (all roles): " + credentials.operator().key());
        System.out.println("Merchant " + credentials.merchant().merchantId() + " key: " + credentials.merchant().key());
        System.out.println("  Kept in " + system.settings().credentialsFile() + " (readable by you only);"
                + " ./kassa --fresh wipes the data and makes new keys.");
        System.out.println("  Try: curl -H \"Authorization: Bearer " + credentials.operator().key() + "\" "
                + system.url(KassaService.LEDGER) + "/api/v1/ledger/trial-balance");
        System.out.println("       curl -H \"Authorization: Bearer " + credentials.merchant().key() + "\" "
                + system.url(KassaService.PAYMENT) + "/api/v1/payments/<checkout_id>");
        System.out.println("  Operator console: " + system.consoleUrl() + "  (sign in with the operator key)");
    }

    /** Deletes {@code path}, a file or a directory with everything in it, if it exists. */
    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
