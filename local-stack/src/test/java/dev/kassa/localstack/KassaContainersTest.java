package dev.kassa.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;

/** {@code @ServiceConnection}: Spring Boot's auto-configuration reaches both containers without a property. */
@EnabledIf(value = "dev.kassa.localstack.DockerProbe#available",
        disabledReason = "no Docker engine answers here: the container path is tested where one does")
@SpringBootTest(classes = KassaContainersTest.Application.class)
class KassaContainersTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(KassaContainers.class)
    static class Application {
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaAdmin kafkaAdmin;

    @Test
    void springBootConnectsToTheKafkaAndPostgresContainers() throws Exception {
        assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo(PostgresServer.USERNAME);
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).isNotEmpty();
        }
    }
}
