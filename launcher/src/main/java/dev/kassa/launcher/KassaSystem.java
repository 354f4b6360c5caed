package dev.kassa.launcher;

import dev.kassa.launcher.access.Credentials;
import dev.kassa.launcher.access.CredentialsFile;
import dev.kassa.launcher.access.DemoMerchant;
import dev.kassa.launcher.access.MerchantKey;
import dev.kassa.launcher.access.OperatorKey;
import dev.kassa.launcher.demo.KassaClient;
import dev.kassa.localstack.DatabaseRoles;
import dev.kassa.localstack.KafkaBroker;
import dev.kassa.localstack.KafkaBrokerProcess;
import dev.kassa.localstack.KafkaPrincipals;
import dev.kassa.localstack.PostgresServer;
import dev.kassa.localstack.process.ServiceJars;
import dev.kassa.localstack.process.ServiceProcess;
import dev.kassa.localstack.process.Supervised;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * The whole platform on one machine: a real Kafka broker and PostgreSQL (local-stack), each a process of its own as
 * in a deployment, and the five services as separate JVMs started from their built jars, then the operator console
 * (module {@code operator-console}), one more JVM, in front of them. The launcher and the system tests both use
 * this class, so what the tests prove is what a newcomer runs.
 *
 * <p>With {@link SystemSettings#instances()} above one, each service runs as that many processes behind the proxy
 * (module {@code proxy}, Spring Cloud Gateway), which keeps the services' ports (docs/architecture.md §12).
 *
 * <p>Every service requires a bearer credential (docs/architecture.md §11). The system runs with one operator key
 * (every role; the services get its SHA-256) and the demo merchant's key, made on the first start, kept in the
 * settings' credentials file and reused by later starts on the same data ({@link #credentials()}). The services and
 * the console also know the settings' {@link SystemSettings#extraOperators() extra operators}, a test's keys of
 * chosen roles.
 */
public final class KassaSystem implements AutoCloseable {

    private static final Duration HEALTHY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration ROUTED_POLL = Duration.ofMillis(200);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** The messaging library's default kassa.messaging.topic-partitions. */
    private static final int DEFAULT_TOPIC_PARTITIONS = 12;

    private final SystemSettings settings;
    private final KafkaBrokerProcess kafka;
    private final KafkaPrincipals kafkaPrincipals;
    private final PostgresServer postgres;
    /** Each service's instances, in start order (one unless the settings ask for more). */
    private final Map<KassaService, List<ServiceProcess>> services = new EnumMap<>(KassaService.class);
    /** In front of the instances when there are several; null otherwise. */
    private volatile ServiceProcess proxy;
    /** The operator console, started once the services are healthy; null until then. */
    private volatile ServiceProcess console;
    /** Each service's owner and runtime roles, with passwords new at every start (set by ALTER ROLE). */
    private final Map<KassaService, DatabaseRoles> databaseRoles = new EnumMap<>(KassaService.class);
    private final OperatorKey operator;
    private volatile Credentials credentials;

    private KassaSystem(SystemSettings settings, KafkaBrokerProcess kafka, KafkaPrincipals kafkaPrincipals,
                        PostgresServer postgres, OperatorKey operator) {
        this.settings = settings;
        this.kafka = kafka;
        this.kafkaPrincipals = kafkaPrincipals;
        this.postgres = postgres;
        this.operator = operator;
    }

    /**
     * Starts broker, database, every service and the operator console, and returns once each of them reports UP and
     * the demo merchant has a working key.
     */
    public static KassaSystem start(SystemSettings settings, Consumer<String> progress) {
        return start(settings, progress, HEALTHY_TIMEOUT);
    }

    /** As {@link #start(SystemSettings, Consumer)}, waiting up to {@code healthyTimeout} for each service. */
    public static KassaSystem start(SystemSettings settings, Consumer<String> progress, Duration healthyTimeout) {
        CredentialsFile.Stored stored = CredentialsFile.read(settings.credentialsFile());
        OperatorKey operator = stored.operator().orElseGet(OperatorKey::newLocalAdmin);
        progress.accept(stored.operator().isPresent()
                ? "Reusing operator key " + operator.name() + " from " + settings.credentialsFile()
                : "Made a new operator key " + operator.name() + " (" + operator.rolesList() + "), to be kept in "
                        + settings.credentialsFile());
        progress.accept("Starting Kafka (KRaft) on 127.0.0.1:" + settings.kafkaPort()
                + " and PostgreSQL on 127.0.0.1:" + settings.postgresPort() + " ...");
        PostgresServer postgres = PostgresServer.start(PostgresServer.Options.defaults()
                .withDataDir(settings.dataDir().resolve("postgres")).withPort(settings.postgresPort())
                .withBinariesDir(settings.dataDir().resolve("postgres-binaries")));
        KafkaBrokerProcess kafka;
        try {
            kafka = KafkaBrokerProcess.start(KafkaBroker.Options.defaults()
                    .withDataDir(settings.dataDir().resolve("kafka")).withPort(settings.kafkaPort()),
                    settings.logDir().resolve("kafka.log"));
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
        KassaSystem system;
        try {
            KafkaPrincipals principals = KafkaPrincipals.provision(kafka, topicPartitions());
            system = new KassaSystem(settings, kafka, principals, postgres, operator);
        } catch (RuntimeException e) {
            kafka.close();
            postgres.close();
            throw e;
        }
        try {
            for (KassaService service : KassaService.values()) {
                DatabaseRoles roles = DatabaseRoles.withRandomPasswords(service.database());
                postgres.createDatabase(service.database(), roles);
                system.databaseRoles.put(service, roles);
            }
            progress.accept(settings.behindProxy()
                    ? "Kafka and PostgreSQL are up. Starting " + settings.instances()
                            + " instances of each of the five services, and the proxy in front of them ..."
                    : "Kafka and PostgreSQL are up. Starting the five services ...");
            system.startServices(progress, healthyTimeout);
            // The console calls the services only when an operator uses it: it comes up while the demo merchant is
            // made.
            if (settings.hasConsole()) {
                progress.accept("The services are up. Starting the operator console ...");
                system.console = ServiceProcess.start(system.specs().console());
            }
            system.bootstrapCredentials(stored.merchant(), progress);
            if (system.console != null) {
                system.console.awaitHealthy(healthyTimeout);
                progress.accept("  " + system.console.name() + " is UP at " + system.console.baseUrl()
                        + "  (sign in with the operator key; log: " + system.console.logFile() + ")");
            }
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    /**
     * The first instance of every service, then (when there are several) the others and the proxy. The first one
     * migrates its database: two instances starting together on an empty database race to create Liquibase's own
     * tables, and one of them fails.
     */
    private void startServices(Consumer<String> progress, Duration healthyTimeout) {
        ServiceSpecs specs = specs();
        Map<KassaService, List<ServiceProcess>> started = new EnumMap<>(KassaService.class);
        for (KassaService service : KassaService.values()) {
            started.put(service, new ArrayList<>(List.of(ServiceProcess.start(specs.spec(service, 0)))));
            services.put(service, List.copyOf(started.get(service)));
        }
        awaitHealthy(processes(), progress, healthyTimeout);
        if (!settings.behindProxy()) {
            return;
        }
        List<ServiceProcess> more = new ArrayList<>();
        for (KassaService service : KassaService.values()) {
            for (int i = 1; i < settings.instances(); i++) {
                ServiceProcess instance = ServiceProcess.start(specs.spec(service, i));
                started.get(service).add(instance);
                more.add(instance);
            }
            services.put(service, List.copyOf(started.get(service)));
        }
        proxy = ServiceProcess.start(specs.proxy());
        more.add(proxy);
        awaitHealthy(more, progress, healthyTimeout);
        for (KassaService service : KassaService.values()) {
            awaitRouted(service, healthyTimeout);
        }
    }

    private static void awaitHealthy(List<ServiceProcess> processes, Consumer<String> progress, Duration timeout) {
        List<CompletableFuture<Void>> healthy = new ArrayList<>();
        for (ServiceProcess process : processes) {
            healthy.add(CompletableFuture.runAsync(() -> {
                process.awaitHealthy(timeout);
                progress.accept("  " + process.name() + " is UP at " + process.baseUrl()
                        + "  (log: " + process.logFile() + ")");
            }));
        }
        try {
            CompletableFuture.allOf(healthy.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * Until the proxy sends {@code service}'s requests to a ready instance: its load balancer probes every second, so
     * an instance that just came up may not be in its list yet.
     */
    private void awaitRouted(KassaService service, Duration timeout) {
        HttpRequest readiness = HttpRequest.newBuilder(URI.create(url(service) + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try {
                if (HTTP.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the proxy", e);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The proxy did not route to a ready instance of " + service.module()
                        + " within " + timeout + " (log: " + proxy.logFile() + ")");
            }
            try {
                Thread.sleep(ROUTED_POLL.toMillis()); // a plain poll of another process, as awaitHealthy does
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the proxy", e);
            }
        }
    }

    private ServiceSpecs specs() {
        return new ServiceSpecs(settings, kafka.bootstrapServers(), kafkaPrincipals, postgres::jdbcUrl,
                databaseRoles::get, operator, PspSecrets.LOCAL, ServiceJars::locate);
    }

    /**
     * The partitions of the main topics the launcher creates as the operator would: the services' own
     * {@code kassa.messaging.topic-partitions}, which they take from the same environment variable.
     */
    private static int topicPartitions() {
        String configured = System.getenv("KASSA_MESSAGING_TOPIC_PARTITIONS");
        return configured == null || configured.isBlank() ? DEFAULT_TOPIC_PARTITIONS : Integer.parseInt(configured.strip());
    }

    /** The demo merchant and its key (the stored one while it works), then both keys into the credentials file. */
    private void bootstrapCredentials(Optional<MerchantKey> storedMerchant, Consumer<String> progress) {
        MerchantKey merchant = new DemoMerchant(KassaClient.withKey(operator.key()), url(KassaService.PAYMENT), progress)
                .ensure(storedMerchant);
        Credentials bootstrapped = new Credentials(operator, merchant);
        CredentialsFile.write(settings.credentialsFile(), bootstrapped);
        this.credentials = bootstrapped;
    }

    public SystemSettings settings() {
        return settings;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    /** The broker's process (its pid and log, for an operator; kill it and a supervisor starts it again). */
    public ServiceProcess kafkaProcess() {
        return kafka.process();
    }

    /** The services' Kafka principals, with this start's passwords. */
    public KafkaPrincipals kafkaPrincipals() {
        return kafkaPrincipals;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    /** The one instance of {@code service}, or the first of several. */
    public ServiceProcess service(KassaService service) {
        return services.get(service).getFirst();
    }

    /** Every instance of {@code service}. */
    public List<ServiceProcess> instances(KassaService service) {
        return services.get(service);
    }

    /** The proxy in front of the instances, when there are several. */
    public Optional<ServiceProcess> proxy() {
        return Optional.ofNullable(proxy);
    }

    /** The operator console's process; null when the settings have {@link SystemSettings#NO_CONSOLE}. */
    public ServiceProcess console() {
        return console;
    }

    /** The operator console's base URL: {@code http://127.0.0.1:<port>}, sign in there with an operator key. */
    public String consoleUrl() {
        return settings.consoleUrl();
    }

    /**
     * Every process this system started: each service's instances in {@link KassaService} order, then the proxy,
     * then the operator console.
     */
    public List<ServiceProcess> processes() {
        List<ServiceProcess> all = new ArrayList<>();
        services.values().forEach(all::addAll);
        if (proxy != null) {
            all.add(proxy);
        }
        if (console != null) {
            all.add(console);
        }
        return List.copyOf(all);
    }

    /** What a supervisor watches: the broker's process, PostgreSQL's postmaster, then {@link #processes()}. */
    public List<Supervised> supervisedProcesses() {
        List<Supervised> all = new ArrayList<>();
        all.add(kafka.process());
        all.add(postgres.process());
        all.addAll(processes());
        return List.copyOf(all);
    }

    public String url(KassaService service) {
        return settings.url(service);
    }

    /** The operator key (every role) and the demo merchant's key this system runs with. */
    public Credentials credentials() {
        return credentials;
    }

    /** psp-mock's API key and webhook secret, as payment-service and reconciliation-service use them. */
    public PspSecrets pspSecrets() {
        return PspSecrets.LOCAL;
    }

    /**
     * Stops every service and the console (gracefully, then forcibly), all at once, then the broker and PostgreSQL: a
     * service's graceful shutdown still commits its last batch.
     */
    @Override
    public void close() {
        List<Thread> stopping = processes().stream()
                .map(process -> Thread.ofPlatform().name("stop-" + process.name()).start(process::close))
                .toList();
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        kafka.close();
        postgres.close();
    }
}
