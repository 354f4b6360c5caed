package dev.kassa.launcher;

import dev.kassa.launcher.access.OperatorKey;
import dev.kassa.localstack.DatabaseRoles;
import dev.kassa.localstack.KafkaPrincipals;
import dev.kassa.localstack.process.ServiceSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How {@link KassaSystem} starts each service: addresses and other plain settings as {@code --key=value}
 * arguments; the database passwords (the runtime role's, and Liquibase's owner role's), each service's Kafka
 * password (its principal, {@code kassa.kafka.username}, is named after it), the PSP's secrets and the operator key's
 * hash in the environment, which only this user can read (a command line is visible to everyone on the machine); and
 * the {@code local} profile, the only
 * one in which a service accepts the repository's public local secrets. The operator console gets the services' URLs
 * as arguments and, as the services do, the operators in its environment; nothing else (no database, no broker).
 */
final class ServiceSpecs {

    static final String PROFILE = "local";
    /** The proxy's module (and jar and process) name. */
    static final String PROXY = "proxy";
    /** The operator console's module (and jar and process) name. */
    static final String CONSOLE = "operator-console";

    private final SystemSettings settings;
    private final String kafkaBootstrapServers;
    private final KafkaPrincipals kafkaPrincipals;
    private final Function<String, String> jdbcUrl;
    private final Function<KassaService, DatabaseRoles> databaseRoles;
    private final OperatorKey operator;
    private final PspSecrets psp;
    private final Function<String, Path> jars;

    /**
     * @param jdbcUrl       a database name's JDBC URL
     * @param databaseRoles a service's owner and runtime roles
     * @param jars          a module's executable jar
     */
    ServiceSpecs(SystemSettings settings, String kafkaBootstrapServers, KafkaPrincipals kafkaPrincipals,
                 Function<String, String> jdbcUrl, Function<KassaService, DatabaseRoles> databaseRoles,
                 OperatorKey operator, PspSecrets psp,
                 Function<String, Path> jars) {
        this.settings = settings;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.kafkaPrincipals = kafkaPrincipals;
        this.jdbcUrl = jdbcUrl;
        this.databaseRoles = databaseRoles;
        this.operator = operator;
        this.psp = psp;
        this.jars = jars;
    }

    /** The one instance of {@code service}, or the first of several. */
    ServiceSpec spec(KassaService service) {
        return spec(service, 0);
    }

    /**
     * Instance {@code index} of {@code service}: named {@code <module>-<index + 1>} (its log file too) when there are
     * several, on its instance port. It reaches the other services as with one instance, at their ports: the
     * proxy's then.
     */
    ServiceSpec spec(KassaService service, int index) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", jdbcUrl.apply(service.database()));
        properties.put("spring.datasource.username", databaseRoles.apply(service).runtime().username());
        properties.put("spring.liquibase.user", databaseRoles.apply(service).owner().username());
        if (service != KassaService.PSP_MOCK) {
            properties.put("spring.kafka.bootstrap-servers", kafkaBootstrapServers);
            kafkaPrincipals.of(service.module()).ifPresent(principal ->
                    properties.put("kassa.kafka.username", principal.username()));
        }
        switch (service) {
            case PAYMENT -> properties.put("kassa.psp.base-url", settings.url(KassaService.PSP_MOCK));
            case PSP_MOCK -> properties.put("psp.webhooks.endpoints",
                    settings.url(KassaService.PAYMENT) + "/api/v1/webhooks/psp");
            case RECONCILIATION -> properties.put("kassa.reconciliation.psp.base-url",
                    settings.url(KassaService.PSP_MOCK));
            // They keep no merchants: payment-service says whose a merchant key is.
            case WALLET, LEDGER -> properties.put("kassa.security.merchant-keys.verify-url",
                    settings.url(KassaService.PAYMENT));
            default -> { }
        }
        String name = settings.behindProxy() ? service.module() + "-" + (index + 1) : service.module();
        return ServiceSpec.of(name, jars.apply(service.module()), settings.instancePort(service, index), properties,
                        settings.logDir().resolve(name + ".log"))
                .withEnvironment(environment(service)).withJvmOptions(settings.serviceJvmOptions());
    }

    /**
     * The proxy in front of the instances (only with several): each service's port, and where its instances are
     * (Spring Cloud's simple discovery). Nothing secret: it forwards credentials, it checks none.
     */
    ServiceSpec proxy() {
        Map<String, String> properties = new LinkedHashMap<>();
        for (KassaService service : KassaService.values()) {
            properties.put("kassa.proxy.services." + service.module() + ".port",
                    Integer.toString(settings.port(service)));
            for (int i = 0; i < settings.instances(); i++) {
                properties.put("spring.cloud.discovery.client.simple.instances." + service.module() + "[" + i + "].uri",
                        "http://127.0.0.1:" + settings.instancePort(service, i));
            }
        }
        return ServiceSpec.of(PROXY, jars.apply(PROXY), settings.proxyPort(), properties,
                settings.logDir().resolve(PROXY + ".log")).withJvmOptions(settings.serviceJvmOptions());
    }

    /**
     * The operator console: where each service is ({@code kassa.console.services.*}, the proxy's ports when there are
     * several instances) and the operators, as the services know them.
     */
    ServiceSpec console() {
        Map<String, String> properties = new LinkedHashMap<>();
        for (KassaService service : KassaService.values()) {
            properties.put("kassa.console.services." + consoleKey(service), settings.url(service));
        }
        return ServiceSpec.of(CONSOLE, jars.apply(CONSOLE), settings.consolePort(), properties,
                        settings.logDir().resolve(CONSOLE + ".log"))
                .withEnvironment(operatorEnvironment()).withJvmOptions(settings.serviceJvmOptions());
    }

    private static String consoleKey(KassaService service) {
        return switch (service) {
            case PAYMENT -> "payment";
            case PSP_MOCK -> "psp-mock";
            case WALLET -> "wallet";
            case LEDGER -> "ledger";
            case RECONCILIATION -> "reconciliation";
        };
    }

    /**
     * The launcher's operator at index 0, then the settings' extra ones: name, roles and the key's SHA-256
     * ({@code kassa.security.operators[i].*}), never the key.
     */
    private Map<String, String> operatorEnvironment() {
        List<OperatorKey> operators = new ArrayList<>();
        operators.add(operator);
        operators.addAll(settings.extraOperators());
        Map<String, String> environment = new LinkedHashMap<>();
        for (int i = 0; i < operators.size(); i++) {
            OperatorKey each = operators.get(i);
            environment.put("KASSA_SECURITY_OPERATORS_" + i + "_NAME", each.name());
            environment.put("KASSA_SECURITY_OPERATORS_" + i + "_ROLES", each.rolesList());
            environment.put("KASSA_SECURITY_OPERATORS_" + i + "_KEY_SHA256", each.sha256());
        }
        return environment;
    }

    /** Spring reads each from the variable of its property's name (SPRING_DATASOURCE_PASSWORD: spring.datasource.password). */
    private Map<String, String> environment(KassaService service) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SPRING_PROFILES_ACTIVE", PROFILE);
        environment.put("SPRING_DATASOURCE_PASSWORD", databaseRoles.apply(service).runtime().password());
        environment.put("SPRING_LIQUIBASE_PASSWORD", databaseRoles.apply(service).owner().password());
        if (service != KassaService.PSP_MOCK) {
            kafkaPrincipals.of(service.module()).ifPresent(principal ->
                    environment.put("KASSA_KAFKA_PASSWORD", principal.password()));
        }
        environment.putAll(operatorEnvironment());
        switch (service) {
            case PAYMENT -> {
                environment.put("KASSA_PSP_API_KEY", psp.apiKey());
                environment.put("KASSA_PSP_WEBHOOK_SECRETS", psp.webhookSecret());
            }
            case PSP_MOCK -> {
                environment.put("PSP_AUTH_SECRET_KEY", psp.apiKey());
                environment.put("PSP_WEBHOOKS_SECRETS", psp.webhookSecret());
            }
            case RECONCILIATION -> environment.put("KASSA_RECONCILIATION_PSP_API_KEY", psp.apiKey());
            default -> { }
        }
        return environment;
    }
}
