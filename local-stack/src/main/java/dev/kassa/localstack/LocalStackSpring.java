package dev.kassa.localstack;

import dev.kassa.schemas.access.KafkaAccess;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Spring test support: points a Spring Boot test context at the JVM's shared {@link LocalStack}.
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void localStack(DynamicPropertyRegistry registry) {
 *     LocalStackSpring.register(registry, "payment");
 * }
 * }</pre>
 */
public final class LocalStackSpring {

    private LocalStackSpring() {
    }

    /**
     * The database properties of {@link #register} as a map, for a service started as its own process or context
     * (psp-mock beside payment-service): its runtime role for the pool, its owner for Liquibase.
     */
    public static Map<String, String> databaseProperties(String database) {
        LocalStack stack = LocalStack.shared();
        DatabaseRoles roles = stack.roles(database);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", stack.postgres().jdbcUrl(database));
        properties.put("spring.datasource.username", roles.runtime().username());
        properties.put("spring.datasource.password", roles.runtime().password());
        properties.put("spring.liquibase.user", roles.owner().username());
        properties.put("spring.liquibase.password", roles.owner().password());
        return properties;
    }

    /**
     * Creates a fresh database "&lt;databasePrefix&gt;_&lt;n&gt;" and registers {@code spring.datasource.url}, the
     * runtime role as {@code spring.datasource.username} and {@code .password}, the owner role as
     * {@code spring.liquibase.user} and {@code .password} (see {@link DatabaseRoles}), and
     * {@code spring.kafka.bootstrap-servers}, and the Kafka principal the context runs as ({@code kassa.kafka.username}
     * and {@code kassa.kafka.password}): the service's own where {@code databasePrefix} names a service that uses Kafka
     * ({@code "wallet"}: {@code wallet-service}), so its tests run with its ACLs; the broker's super user otherwise
     * (the messaging library's own tests).
     *
     * @return the name of the new database
     */
    public static String register(DynamicPropertyRegistry registry, String databasePrefix) {
        LocalStack stack = LocalStack.shared();
        String database = stack.freshDatabase(databasePrefix);
        PostgresServer postgres = stack.postgres();
        DatabaseRoles roles = stack.roles(database);
        registry.add("spring.datasource.url", () -> postgres.jdbcUrl(database));
        registry.add("spring.datasource.username", roles.runtime()::username);
        registry.add("spring.datasource.password", roles.runtime()::password);
        registry.add("spring.liquibase.user", roles.owner()::username);
        registry.add("spring.liquibase.password", roles.owner()::password);
        registry.add("spring.kafka.bootstrap-servers", stack.kafka()::bootstrapServers);
        kafkaCredentials(stack, databasePrefix).ifPresentOrElse(credentials -> {
            registry.add("kassa.kafka.username", credentials::username);
            registry.add("kassa.kafka.password", credentials::password);
        }, () -> registry.add("kassa.kafka.security-protocol", () -> "PLAINTEXT"));
        registry.add("spring.kafka.consumer.fetch-max-wait", () -> "2s");
        // Spring Boot (re)configures logging when the first context starts, which may be after the
        // broker started: quiet the broker's loggers again (levels the application set are kept).
        QuietLogging.apply();
        return database;
    }

    /**
     * The Spring properties that connect a context to the shared broker as its super user (bootstrap servers and,
     * where the broker is secured, {@code kassa.kafka.username}/{@code password}), for tests that build their own
     * context without {@link #register}.
     */
    public static Map<String, String> superUserKafkaProperties() {
        LocalStack stack = LocalStack.shared();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.kafka.bootstrap-servers", stack.kafka().bootstrapServers());
        if (stack.kafka().secured()) {
            properties.put("kassa.kafka.username", stack.kafka().superUser().username());
            properties.put("kassa.kafka.password", stack.kafka().superUser().password());
        } else {
            properties.put("kassa.kafka.security-protocol", "PLAINTEXT");
        }
        return properties;
    }

    private static Optional<KafkaCredentials> kafkaCredentials(LocalStack stack, String databasePrefix) {
        if (!stack.kafka().secured()) {
            return Optional.empty();
        }
        String service = databasePrefix + "-service";
        return KafkaAccess.principals().contains(service)
                ? stack.kafkaPrincipals().of(service)
                : Optional.of(stack.kafka().superUser());
    }
}
