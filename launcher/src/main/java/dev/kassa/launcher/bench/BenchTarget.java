package dev.kassa.launcher.bench;

import dev.kassa.launcher.KassaService;
import dev.kassa.launcher.KassaSystem;
import dev.kassa.launcher.SystemSettings;
import dev.kassa.launcher.access.Credentials;
import dev.kassa.launcher.access.CredentialsFile;
import dev.kassa.launcher.checks.Databases;
import dev.kassa.localstack.PostgresServer;
import java.util.LinkedHashMap;
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

    /** Each service's module name and port, in the launcher's order. */
    Map<String, Integer> servicePorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (KassaService service : KassaService.values()) {
            ports.put(service.module(), settings.port(service));
        }
        return ports;
    }
}
