package dev.kassa.launcher;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where the whole system runs: ports of the broker, PostgreSQL and each service, the directory for
 * persistent data, the directory for the services' log files, and the file that keeps the operator and merchant
 * keys between runs ({@code .kassa/credentials}).
 */
public record SystemSettings(int kafkaPort, int postgresPort, Map<KassaService, Integer> servicePorts,
                             Path dataDir, Path logDir, Path credentialsFile) {

    public SystemSettings {
        servicePorts = Map.copyOf(servicePorts);
    }

    /** The documented local ports (docs/architecture.md §9): Kafka 9092, PostgreSQL 5432, services 8080–8084. */
    public static SystemSettings defaults(Path workDir) {
        Map<KassaService, Integer> ports = new EnumMap<>(KassaService.class);
        for (KassaService service : KassaService.values()) {
            ports.put(service, service.defaultPort());
        }
        return new SystemSettings(9092, 5432, ports, workDir.resolve("data"), workDir.resolve("logs"),
                workDir.resolve("credentials"));
    }

    public int port(KassaService service) {
        return servicePorts.get(service);
    }

    public String url(KassaService service) {
        return "http://127.0.0.1:" + port(service);
    }
}
