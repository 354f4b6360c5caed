package dev.kassa.messaging.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class MessagingPropertiesTest {

    @Test
    void defaultsAreTheDesignsValues() {
        MessagingProperties properties = bind(Map.of());
        assertThat(properties.backoffOf("any")).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(16));
        assertThat(properties.deadLetter().maxReplays()).isEqualTo(3);
        assertThat(properties.mainTopics()).contains("payment.results", "payment.psp-requests");
        assertThat(properties.outbox().relayEnabled()).isTrue();
    }

    @Test
    void aGroupCanHaveItsOwnBackoff() {
        MessagingProperties properties = bind(Map.of("kassa.messaging.consumers.wallet-service.backoff", "200ms,1s"));
        assertThat(properties.backoffOf("wallet-service")).containsExactly(Duration.ofMillis(200), Duration.ofSeconds(1));
        assertThat(properties.backoffOf("ledger-service")).hasSize(5);
    }

    private static MessagingProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("kassa.messaging", MessagingProperties.class);
    }
}
