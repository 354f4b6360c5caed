package dev.kassa.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.IntSupplier;

/**
 * Where the whole system runs: ports of the broker, PostgreSQL and each service, the directory for
 * persistent data, the directory for the services' log files, and the file that keeps the operator and merchant
 * keys between runs ({@code .kassa/credentials}).
 *
 * <p>With one instance per service (the default) each service listens on its port. With several, the proxy
 * listens on every service's port ({@code proxyPort} is its own health and metrics) and instance {@code i} of a
 * service on {@code instancePorts.get(service).get(i)}.
 */
public record SystemSettings(int kafkaPort, int postgresPort, Map<KassaService, Integer> servicePorts,
                             Path dataDir, Path logDir, Path credentialsFile, int instances,
                             Map<KassaService, List<Integer>> instancePorts, int proxyPort) {

    /** The proxy's own port with the documented ports (docs/architecture.md §12). */
    public static final int DEFAULT_PROXY_PORT = 8085;
    /** Instance {@code i} of a service with documented port {@code p} listens on {@code p + 10000 + 100 i}. */
    private static final int INSTANCE_PORT_OFFSET = 10_000;
    private static final int INSTANCE_PORT_STEP = 100;

    public SystemSettings {
        if (instances < 1) {
            throw new IllegalArgumentException("instances must be at least 1, not " + instances);
        }
        servicePorts = Map.copyOf(servicePorts);
        Map<KassaService, List<Integer>> copy = new EnumMap<>(KassaService.class);
        instancePorts.forEach((service, ports) -> copy.put(service, List.copyOf(ports)));
        instancePorts = Map.copyOf(copy);
    }

    /** One instance of each service, on its port. */
    public SystemSettings(int kafkaPort, int postgresPort, Map<KassaService, Integer> servicePorts, Path dataDir,
                          Path logDir, Path credentialsFile) {
        this(kafkaPort, postgresPort, servicePorts, dataDir, logDir, credentialsFile, 1, Map.of(), 0);
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

    /** These settings with {@code count} instances of each service, on the documented instance ports. */
    public SystemSettings withInstances(int count) {
        return withInstances(count, (service, i) -> port(service) + INSTANCE_PORT_OFFSET + INSTANCE_PORT_STEP * i,
                DEFAULT_PROXY_PORT);
    }

    /** These settings with {@code count} instances of each service, every port (the proxy's too) from {@code ports}. */
    public SystemSettings withInstances(int count, IntSupplier ports) {
        return withInstances(count, (service, i) -> ports.getAsInt(), ports.getAsInt());
    }

    private SystemSettings withInstances(int count, BiFunction<KassaService, Integer, Integer> instancePort,
                                         int proxyPort) {
        Map<KassaService, List<Integer>> instancePorts = new EnumMap<>(KassaService.class);
        for (KassaService service : KassaService.values()) {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ports.add(instancePort.apply(service, i));
            }
            instancePorts.put(service, ports);
        }
        return new SystemSettings(kafkaPort, postgresPort, servicePorts, dataDir, logDir, credentialsFile, count,
                instancePorts, proxyPort);
    }

    /** Whether the services run as several instances behind the proxy. */
    public boolean behindProxy() {
        return instances > 1;
    }

    /** The port clients use for {@code service}: its own, or the proxy's connector for it. */
    public int port(KassaService service) {
        return servicePorts.get(service);
    }

    /** Where instance {@code index} of {@code service} listens. */
    public int instancePort(KassaService service, int index) {
        return behindProxy() ? instancePorts.get(service).get(index) : port(service);
    }

    public String url(KassaService service) {
        return "http://127.0.0.1:" + port(service);
    }
}
