package dev.kassa.systemtests.support;

import dev.kassa.launcher.KassaService;
import dev.kassa.launcher.KassaSystem;
import dev.kassa.launcher.SystemSettings;
import dev.kassa.launcher.access.OperatorKey;
import dev.kassa.localstack.FreePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole platform as {@code ./kassa} runs it (the launcher's own {@link KassaSystem}, the operator console
 * included), but on free ports, with its data in a temporary directory and the services' logs in
 * {@code target/system-test-logs}, so a run neither collides with a local {@code ./kassa} nor leaves data behind, and
 * CI can keep the logs.
 */
final class SharedSystem implements AutoCloseable {

    static final Path LOG_DIR = Path.of("target", "system-test-logs").toAbsolutePath();

    private final KassaSystem system;
    private final Path dataDir;

    private SharedSystem(KassaSystem system, Path dataDir) {
        this.system = system;
        this.dataDir = dataDir;
    }

    static SharedSystem start() {
        return start(1, LOG_DIR);
    }

    /**
     * A system of its own with {@code instances} instances of each service (behind the proxy when more than one),
     * its logs in {@code logDir}.
     */
    static SharedSystem start(int instances, Path logDir) {
        Instant started = Instant.now();
        Path dataDir;
        try {
            deleteRecursively(logDir); // services append to their log: one run per file
            dataDir = Files.createTempDirectory("kassa-system-tests-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<KassaService, Integer> servicePorts = new EnumMap<>(KassaService.class);
        for (KassaService service : KassaService.values()) {
            servicePorts.put(service, FreePort.pick());
        }
        // The operator and merchant keys are made afresh with the data, and deleted with it.
        // The tests' JVMs run C1 only: starting them is most of the suite's time on two cores (TwoInstancesTest's
        // eleven were up after 188 s with the full tiered JIT, after 96 s without C2), and no test's load needs C2's
        // steady-state speed. ./kassa and ./kassa bench keep the full JIT. psp-mock decides a dispute 1 s after its
        // deciding evidence instead of 3 s (a setting only psp-mock reads; the dispute tests wait for three decisions).
        SystemSettings settings = new SystemSettings(FreePort.pick(), FreePort.pick(), servicePorts, dataDir, logDir,
                dataDir.resolve("credentials")).withConsolePort(FreePort.pick())
                .withOperators(Kassa.ONE_ROLE_OPERATORS.stream().map(name -> OperatorKey.generate(name, List.of(name))).toList())
                .withServiceJvmOptions(List.of("-XX:TieredStopAtLevel=1", "-Dpsp.disputes.decision-delay=1s"));
        if (instances > 1) {
            // A system of its own for the failover tests, which never open the console: one JVM fewer to start.
            settings = settings.withInstances(instances, FreePort::pick).withConsolePort(SystemSettings.NO_CONSOLE);
        }
        try {
            // On a machine busy with other work five JVMs may need longer than the launcher's 3 minutes to come up.
            Duration healthyTimeout = Duration.parse(System.getProperty("kassa.system-tests.healthy-timeout", "PT3M"));
            KassaSystem system = KassaSystem.start(settings, line -> System.out.println("[kassa] " + line),
                    healthyTimeout);
            System.out.println("[kassa] the system is up after " + Duration.between(started, Instant.now()).toSeconds()
                    + " s; service logs in " + logDir);
            return new SharedSystem(system, dataDir);
        } catch (RuntimeException e) {
            deleteQuietly(dataDir);
            throw new IllegalStateException("Kassa did not start: " + e.getMessage() + "; service logs in " + logDir, e);
        }
    }

    KassaSystem system() {
        return system;
    }

    @Override
    public void close() {
        try {
            system.close();
        } finally {
            deleteQuietly(dataDir);
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            deleteRecursively(dir);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("[kassa] could not delete " + dir + ": " + e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
