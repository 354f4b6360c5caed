package dev.kassa.localstack;

import static dev.kassa.localstack.PostgresServerTest.single;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;

class LocalStackSpringTest {

    @Test
    void registersAFreshDatabaseAndTheBroker() throws Exception {
        Map<String, Supplier<Object>> properties = new HashMap<>();
        DynamicPropertyRegistry registry = properties::put;

        String database = LocalStackSpring.register(registry, "spring_it");

        assertThat(database).matches("spring_it_\\d+");
        assertThat(properties.get("spring.kafka.bootstrap-servers").get())
                .isEqualTo(LocalStack.shared().kafka().bootstrapServers());
        assertThat(properties.get("spring.kafka.consumer.fetch-max-wait").get()).isEqualTo("2s");
        String url = (String) properties.get("spring.datasource.url").get();
        assertThat(url).endsWith("/" + database);
        try (Connection connection = DriverManager.getConnection(url,
                (String) properties.get("spring.datasource.username").get(),
                (String) properties.get("spring.datasource.password").get());
             Statement sql = connection.createStatement()) {
            assertThat(single(sql, "SELECT current_database()")).isEqualTo(database);
            assertThat(single(sql, "SELECT current_user")).as("the runtime role").isEqualTo("spring_it_app");
        }
        assertThat(properties.get("spring.liquibase.user").get()).as("the owner").isEqualTo("spring_it_owner");
        try (Connection connection = DriverManager.getConnection(url,
                (String) properties.get("spring.liquibase.user").get(),
                (String) properties.get("spring.liquibase.password").get());
             Statement sql = connection.createStatement()) {
            assertThat(single(sql, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"))
                    .isEqualTo("spring_it_owner");
        }
    }
}
