package dev.kassa.localstack;

import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Spring Boot's Testcontainers convention for one service, where Docker exists: a Kafka and a PostgreSQL
 * container whose connection details reach the application through {@code @ServiceConnection}, for a test
 * ({@code @Import(KassaContainers.class)}) or a development run
 * ({@code SpringApplication.from(PaymentApplication::main).with(KassaContainers.class).run(args)}). Spring starts
 * the containers before the beans that use them and stops them with the context.
 *
 * <p>The test suites share one stack per JVM instead ({@link LocalStack#shared()}, which also runs these images
 * where Docker answers), because each test class gets a database of its own there.
 */
@Configuration(proxyBeanMethods = false)
public class KassaContainers {

    @Bean
    @ServiceConnection
    KafkaContainer kafkaContainer() {
        return ContainerImages.kafka(KafkaBroker.Options.defaults().defaultPartitions());
    }

    @Bean
    @ServiceConnection
    PostgreSQLContainer postgresContainer() {
        return ContainerImages.postgres(PostgresServer.Options.defaults().maxConnections());
    }
}
