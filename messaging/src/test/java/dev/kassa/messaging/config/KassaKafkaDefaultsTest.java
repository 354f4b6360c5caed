package dev.kassa.messaging.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The library's Kafka defaults: there for a service that sets nothing, below anything a service sets. */
@Tag("fast")
class KassaKafkaDefaultsTest {

    @Test
    void anIdleConsumerHoldsItsFetchFiveSecondsUnlessTheServiceSaysOtherwise() {
        assertThat(environmentOf(Map.of()).getProperty("spring.kafka.consumer.fetch-max-wait")).isEqualTo("5s");
        assertThat(environmentOf(Map.of("spring.kafka.consumer.fetch-max-wait", "500ms"))
                .getProperty("spring.kafka.consumer.fetch-max-wait")).isEqualTo("500ms");
    }

    @Test
    void aConsumerCommitsItsOffsetsOnceASecondUnlessTheServiceSaysOtherwise() {
        StandardEnvironment quiet = environmentOf(Map.of());
        assertThat(quiet.getProperty("spring.kafka.listener.ack-mode")).isEqualTo("time");
        assertThat(quiet.getProperty("spring.kafka.listener.ack-time")).isEqualTo("1s");
        assertThat(environmentOf(Map.of("spring.kafka.listener.ack-mode", "batch"))
                .getProperty("spring.kafka.listener.ack-mode")).isEqualTo("batch");
    }

    /** A service's environment with its own {@code settings}, after the library's defaults were added. */
    private static StandardEnvironment environmentOf(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("service", settings));
        new KassaKafkaDefaults().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void aServiceLogsInWithScramAsItsPrincipalWithThePasswordFromItsEnvironment() {
        StandardEnvironment environment = new StandardEnvironment();
        new KassaKafkaDefaults().postProcessEnvironment(environment, new SpringApplication());
        // Added after the post-processor ran, as a test's dynamic properties are.
        environment.getPropertySources().addFirst(new MapPropertySource("secrets",
                Map.of("kassa.kafka.username", "wallet-service", "kassa.kafka.password", "s3cret")));

        assertThat(environment.getProperty("spring.kafka.security.protocol")).isEqualTo("SASL_PLAINTEXT");
        assertThat(environment.getProperty("spring.kafka.properties.sasl.mechanism")).isEqualTo("SCRAM-SHA-512");
        assertThat(environment.getProperty("spring.kafka.properties.sasl.jaas.config"))
                .isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"wallet-service\" password=\"s3cret\";");
        MessagingAutoConfiguration.requireKafkaLogin(environment);
    }

    @Test
    void aServiceWithoutItsKafkaPrincipalRefusesToStartUnlessTheBrokerAsksNoOne() {
        StandardEnvironment environment = new StandardEnvironment();
        new KassaKafkaDefaults().postProcessEnvironment(environment, new SpringApplication());
        assertThatThrownBy(() -> MessagingAutoConfiguration.requireKafkaLogin(environment))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("KASSA_KAFKA_USERNAME");

        environment.getPropertySources().addFirst(new MapPropertySource("plain",
                Map.of("kassa.kafka.security-protocol", "PLAINTEXT")));
        assertThat(environment.getProperty("spring.kafka.security.protocol")).isEqualTo("PLAINTEXT");
        MessagingAutoConfiguration.requireKafkaLogin(environment);
    }
}
