package dev.kassa.messaging.config;

import static org.assertj.core.api.Assertions.assertThat;

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
        StandardEnvironment quiet = new StandardEnvironment();
        new KassaKafkaDefaults().postProcessEnvironment(quiet, new SpringApplication());
        assertThat(quiet.getProperty("spring.kafka.consumer.fetch-max-wait")).isEqualTo("5s");

        StandardEnvironment own = new StandardEnvironment();
        own.getPropertySources().addFirst(new MapPropertySource("service",
                Map.of("spring.kafka.consumer.fetch-max-wait", "500ms")));
        new KassaKafkaDefaults().postProcessEnvironment(own, new SpringApplication());
        assertThat(own.getProperty("spring.kafka.consumer.fetch-max-wait")).isEqualTo("500ms");
    }
}
