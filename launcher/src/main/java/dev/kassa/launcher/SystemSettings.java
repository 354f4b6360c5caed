package dev.kassa.launcher;

import dev.kassa.launcher.access.OperatorKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.IntSupplier;

/**
 * Where the whole system runs: ports of the broker, PostgreSQL, each service and the operator console, the directory
 * for persistent data, the directory for the services' log files, and the file that keeps the operator and merchant
 * keys between runs ({@code .kassa/credentials}).
 *
 * <p>With one instance per service (the default) each service listens on its port. With several, the proxy
 * listens on every service's port ({@code proxyPort} is its own health and metrics) and instance {@code i} of a
 * service on {@code instancePorts.get(service).get(i)}.
 *
 * <p>Every service and the console know the launcher's own operator ({@code local-admin}, every role) and, after it,
 * {@code extraOperators}: keys of chosen roles a test signs in with (none unless {@link #withOperators} adds them).
 * {@code serviceJvmOptions} are added to every process's JVM options (none unless {@link #withServiceJvmOptions}).
 */
public record SystemSettings(int kafkaPort, int postgresPort, Map<KassaService, Integer> servicePorts,
                             Path dataDir, Path logDir, Path credentialsFile, int instances,
                             Map<KassaService, List<Integer>> instancePorts, int proxyPort, int consolePort,
                             List<OperatorKey> extraOperators, List<String> serviceJvmOptions) {

    /** The proxy's own port with the documented ports (docs/architecture.md §12). */
    public static final int DEFAULT_PROXY_PORT = 8085;
    /** The operator console's port with the documented ports. */
    public static final int DEFAULT_CONSOLE_PORT = 8086;
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
        extraOperators = List.copyOf(extraOperators);
        checkOperators(extraOperators);
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
    }

    /** One instance of each service, on its port; the console on {@link #DEFAULT_CONSOLE_PORT}. */
    public SystemSettings(int kafkaPort, int postgresPort, Map<KassaService, Integer> servicePorts, Path dataDir,
                          Path logDir, Path credentialsFile) {
        this(kafkaPort, postgresPort, servicePorts, dataDir, logDir, credentialsFile, 1, Map.of(), 0,
                DEFAULT_CONSOLE_PORT, List.of(), List.of());
    }

    /**
     * The documented local ports (docs/architecture.md §9): Kafka 9092, PostgreSQL 5432, services 8080–8084,
     * the operator console 8086.
     */
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
                instancePorts, proxyPort, consolePort, extraOperators, serviceJvmOptions);
    }

    /** Port 0: no console (a test system that never opens it, spared one JVM). */
    public static final int NO_CONSOLE = 0;

    /** These settings with the operator console on {@code port}, or none with {@link #NO_CONSOLE}. */
    public SystemSettings withConsolePort(int port) {
        return new SystemSettings(kafkaPort, postgresPort, servicePorts, dataDir, logDir, credentialsFile, instances,
                instancePorts, proxyPort, port, extraOperators, serviceJvmOptions);
    }

    /**
     * These settings with {@code extra} as the operators every service and the console know besides the launcher's
     * own {@code local-admin} (replacing any given before): {@code KASSA_SECURITY_OPERATORS_1_...} onwards, in this
     * order. Each needs a name of its own and roles among OPERATOR, FINANCE and VIEWER
     * ({@link OperatorKey#generate(String, List)} makes one). Their keys are not kept in the credentials file.
     */
    public SystemSettings withOperators(List<OperatorKey> extra) {
        return new SystemSettings(kafkaPort, postgresPort, servicePorts, dataDir, logDir, credentialsFile, instances,
                instancePorts, proxyPort, consolePort, extra, serviceJvmOptions);
    }

    /**
     * These settings with {@code options} added to the JVM options of every service, proxy and console process (after
     * the defaults of {@code ServiceSpec}, so they win), replacing any given before.
     */
    public SystemSettings withServiceJvmOptions(List<String> options) {
        return new SystemSettings(kafkaPort, postgresPort, servicePorts, dataDir, logDir, credentialsFile, instances,
                instancePorts, proxyPort, consolePort, extraOperators, options);
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

    /** The operator console's base URL. */
    public String consoleUrl() {
        if (!hasConsole()) {
            throw new IllegalStateException("this system runs without the operator console");
        }
        return "http://127.0.0.1:" + consolePort;
    }

    /** Whether the system runs the operator console. */
    public boolean hasConsole() {
        return consolePort != NO_CONSOLE;
    }

    /**
     * Fails early what every service would refuse at its start (or, for a name used twice, what would make two
     * operators one in the audit trail).
     */
    private static void checkOperators(List<OperatorKey> operators) {
        Set<String> names = new HashSet<>(Set.of(OperatorKey.LOCAL_ADMIN));
        for (OperatorKey operator : operators) {
            if (!names.add(operator.name())) {
                throw new IllegalArgumentException("operator " + operator.name() + " is named twice (or is the"
                        + " launcher's own " + OperatorKey.LOCAL_ADMIN + "): every operator needs a name of its own");
            }
            if (!OperatorKey.ALL_ROLES.containsAll(operator.roles())) {
                throw new IllegalArgumentException("operator " + operator.name() + " has roles " + operator.roles()
                        + "; an operator's roles are among " + OperatorKey.ALL_ROLES);
            }
        }
    }
}
