package dev.kassa.localstack;

import java.util.LinkedHashMap;
import java.util.Map;

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
     * {@code spring.kafka.bootstrap-servers}.
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
        registry.add("spring.kafka.consumer.fetch-max-wait", () -> "2s");
        // Spring Boot (re)configures logging when the first context starts, which may be after the
        // broker started: quiet the broker's loggers again (levels the application set are kept).
        QuietLogging.apply();
        return database;
    }
}
