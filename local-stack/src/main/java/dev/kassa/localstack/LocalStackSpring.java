package dev.kassa.localstack;

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
     * Creates a fresh database "&lt;databasePrefix&gt;_&lt;n&gt;" and registers {@code spring.datasource.url},
     * {@code spring.datasource.username}, {@code spring.datasource.password} and
     * {@code spring.kafka.bootstrap-servers}.
     *
     * @return the name of the new database
     */
    public static String register(DynamicPropertyRegistry registry, String databasePrefix) {
        LocalStack stack = LocalStack.shared();
        String database = stack.freshDatabase(databasePrefix);
        PostgresServer postgres = stack.postgres();
        registry.add("spring.datasource.url", () -> postgres.jdbcUrl(database));
        registry.add("spring.datasource.username", postgres::username);
        registry.add("spring.datasource.password", postgres::password);
        registry.add("spring.kafka.bootstrap-servers", stack.kafka()::bootstrapServers);
        registry.add("spring.kafka.consumer.fetch-max-wait", () -> "2s");
        // Spring Boot (re)configures logging when the first context starts, which may be after the
        // broker started: quiet the broker's loggers again (levels the application set are kept).
        QuietLogging.apply();
        return database;
    }
}
