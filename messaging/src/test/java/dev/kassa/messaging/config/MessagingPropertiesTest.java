package dev.kassa.messaging.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

@Tag("fast")
class MessagingPropertiesTest {

    @Test
    void defaultsAreTheDesignsValues() {
        MessagingProperties properties = bind(Map.of());
        assertThat(properties.backoffOf("any")).hasSize(6).containsOnly(Duration.ofSeconds(5));
        assertThat(properties.deadLetter().maxReplays()).isEqualTo(3);
        assertThat(properties.mainTopics()).contains("payment.results", "payment.psp-requests");
        assertThat(properties.outbox().relayEnabled()).isTrue();
        assertThat(properties.topicPartitions()).isEqualTo(12);
        assertThat(properties.outbox().busyPollInterval()).isEqualTo(Duration.ofMillis(200));
        assertThat(properties.outbox().pollInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.outbox().standbyInterval()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void thePartitionCountComesFromTheEnvironment() {
        // Named as Spring names the process environment, which turns on the environment's relaxed names.
        var environment = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.<String, Object>of(
                "KASSA_MESSAGING_TOPIC_PARTITIONS", "24", "KASSA_MESSAGING_OUTBOX_BUSYPOLLINTERVAL", "150ms"));
        MessagingProperties properties = new Binder(ConfigurationPropertySources.from(environment))
                .bindOrCreate("kassa.messaging", MessagingProperties.class);
        assertThat(properties.topicPartitions()).isEqualTo(24);
        assertThat(properties.outbox().busyPollInterval()).isEqualTo(Duration.ofMillis(150));
    }

    @Test
    void aGroupCanHaveItsOwnBackoff() {
        MessagingProperties properties = bind(Map.of("kassa.messaging.consumers.wallet-service.backoff", "200ms,1s"));
        assertThat(properties.backoffOf("wallet-service")).containsExactly(Duration.ofMillis(200), Duration.ofSeconds(1));
        assertThat(properties.backoffOf("ledger-service")).hasSize(6);
    }

    private static MessagingProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("kassa.messaging", MessagingProperties.class);
    }
}
