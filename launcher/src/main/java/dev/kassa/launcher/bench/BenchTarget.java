package dev.kassa.launcher.bench;

import dev.kassa.launcher.KassaService;
import dev.kassa.launcher.KassaSystem;
import dev.kassa.launcher.LauncherOptions;
import dev.kassa.launcher.SystemSettings;
import dev.kassa.launcher.access.Credentials;
import dev.kassa.launcher.access.CredentialsFile;
import dev.kassa.launcher.checks.Databases;
import dev.kassa.localstack.PostgresServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The system a bench drives: where each service answers, with which keys (the demo merchant's for checkouts, the
 * operator's for psp-mock's fault switches), PostgreSQL (for the checks and the stage timestamps) and the ports that
 * identify each process for CPU accounting. Either a {@link KassaSystem} of this JVM or one that another
 * {@code ./kassa} runs on the settings' ports with local-stack's default database login and the keys it keeps in its
 * credentials file.
 */
public record BenchTarget(SystemSettings settings, Databases databases, Credentials credentials, String description) {

    /** The system this JVM started. */
    public static BenchTarget of(KassaSystem system) {
        return new BenchTarget(system.settings(), Databases.of(system.postgres()), system.credentials(),
                "started in this JVM");
    }

    /** A system some other process runs on {@code settings}' ports (as {@code ./kassa} does by default). */
    public static BenchTarget running(SystemSettings settings) {
        return new BenchTarget(settings,
                new Databases(settings.postgresPort(), PostgresServer.USERNAME, PostgresServer.PASSWORD),
                CredentialsFile.readComplete(settings.credentialsFile()), "already running");
    }

    public String url(KassaService service) {
        return settings.url(service);
    }

    /**
     * The port of each process whose CPU the bench counts, by name, in the launcher's order: a service's own port, or,
     * where several instances run ({@code ./kassa --instances N}), each instance's port ("payment-service-2") and the
     * proxy's, which then listens on every service's port. A running system's instances are found by the ports
     * {@link SystemSettings#withInstances(int)} gives them.
     */
    Map<String, Integer> processPorts() {
        SystemSettings candidates = settings.instances() > 1 ? settings
                : settings.withInstances(LauncherOptions.MAX_INSTANCES);
        Map<String, Integer> ports = new LinkedHashMap<>();
        boolean severalInstances = false;
        for (KassaService service : KassaService.values()) {
            List<Integer> instances = candidates.instancePorts().get(service).stream()
                    .filter(port -> ListeningPorts.pidOf(port).isPresent()).toList();
            if (instances.isEmpty()) {
                ports.put(service.module(), settings.port(service));
            }
            for (int i = 0; i < instances.size(); i++) {
                ports.put(service.module() + "-" + (i + 1), instances.get(i));
                severalInstances = true;
            }
        }
        if (severalInstances) {
            ports.put("proxy", candidates.proxyPort());
        }
        return ports;
    }
}
