package dev.kassa.launcher;

import dev.kassa.localstack.KafkaBroker;
import dev.kassa.localstack.PostgresServer;
import dev.kassa.localstack.process.ServiceJars;
import dev.kassa.localstack.process.ServiceProcess;
import dev.kassa.localstack.process.ServiceSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * The whole platform on one machine: a real Kafka broker and PostgreSQL (local-stack, in this JVM) and the
 * five services as separate JVMs started from their built jars. The launcher and the system tests both use
 * this class, so what the tests prove is what a newcomer runs.
 */
public final class KassaSystem implements AutoCloseable {

    private static final Duration HEALTHY_TIMEOUT = Duration.ofMinutes(3);

    private final SystemSettings settings;
    private final KafkaBroker kafka;
    private final PostgresServer postgres;
    private final Map<KassaService, ServiceProcess> services = new EnumMap<>(KassaService.class);

    private KassaSystem(SystemSettings settings, KafkaBroker kafka, PostgresServer postgres) {
        this.settings = settings;
        this.kafka = kafka;
        this.postgres = postgres;
    }

    /** Starts broker, database and every service, and returns once each service reports UP. */
    public static KassaSystem start(SystemSettings settings, Consumer<String> progress) {
        return start(settings, progress, HEALTHY_TIMEOUT);
    }

    /** As {@link #start(SystemSettings, Consumer)}, waiting up to {@code healthyTimeout} for each service. */
    public static KassaSystem start(SystemSettings settings, Consumer<String> progress, Duration healthyTimeout) {
        progress.accept("Starting Kafka (KRaft) on 127.0.0.1:" + settings.kafkaPort()
                + " and PostgreSQL on 127.0.0.1:" + settings.postgresPort() + " ...");
        PostgresServer postgres = PostgresServer.start(PostgresServer.Options.defaults()
                .withDataDir(settings.dataDir().resolve("postgres")).withPort(settings.postgresPort()));
        KafkaBroker kafka;
        try {
            kafka = KafkaBroker.start(KafkaBroker.Options.defaults()
                    .withDataDir(settings.dataDir().resolve("kafka")).withPort(settings.kafkaPort()));
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
        KassaSystem system = new KassaSystem(settings, kafka, postgres);
        try {
            for (KassaService service : KassaService.values()) {
                postgres.createDatabase(service.database());
            }
            progress.accept("Kafka and PostgreSQL are up. Starting the five services ...");
            system.startServices(progress, healthyTimeout);
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    private void startServices(Consumer<String> progress, Duration healthyTimeout) {
        for (KassaService service : KassaService.values()) {
            services.put(service, ServiceProcess.start(specOf(service)));
        }
        List<CompletableFuture<Void>> healthy = new ArrayList<>();
        for (ServiceProcess process : services.values()) {
            healthy.add(CompletableFuture.runAsync(() -> {
                process.awaitHealthy(healthyTimeout);
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

    private ServiceSpec specOf(KassaService service) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", postgres.jdbcUrl(service.database()));
        properties.put("spring.datasource.username", postgres.username());
        properties.put("spring.datasource.password", postgres.password());
        if (service != KassaService.PSP_MOCK) {
            properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        }
        switch (service) {
            case PAYMENT -> properties.put("kassa.psp.base-url", settings.url(KassaService.PSP_MOCK));
            case PSP_MOCK -> properties.put("psp.webhooks.endpoints",
                    settings.url(KassaService.PAYMENT) + "/api/v1/webhooks/psp");
            case RECONCILIATION -> properties.put("kassa.reconciliation.psp.base-url",
                    settings.url(KassaService.PSP_MOCK));
            default -> { }
        }
        return ServiceSpec.of(service.module(), ServiceJars.locate(service.module()), settings.port(service),
                properties, settings.logDir().resolve(service.module() + ".log"));
    }

    public SystemSettings settings() {
        return settings;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public ServiceProcess service(KassaService service) {
        return services.get(service);
    }

    public String url(KassaService service) {
        return settings.url(service);
    }

    /** Stops every service (gracefully, then forcibly), then the broker and PostgreSQL. */
    @Override
    public void close() {
        services.values().parallelStream().forEach(ServiceProcess::close);
        kafka.close();
        postgres.close();
    }
}
