package dev.kassa.messaging.health;

import dev.kassa.messaging.config.KafkaAccessDenials;
import dev.kassa.messaging.config.MessagingAutoConfiguration;
import dev.kassa.messaging.config.MessagingProperties;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/** Spring Boot has no Kafka health indicator; this adds one named {@code kafka}. */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, MessagingAutoConfiguration.class})
@ConditionalOnBean(KafkaAdmin.class)
@ConditionalOnEnabledHealthIndicator("kafka")
@EnableConfigurationProperties(MessagingProperties.class)
public class KafkaHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin, MessagingProperties properties,
                                              KafkaAccessDenials denials) {
        // Boot's KafkaAdmin already carries the bootstrap servers of KafkaConnectionDetails and spring.kafka.admin.*.
        Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        int timeoutMs = (int) properties.health().timeout().toMillis();
        config.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        config.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "kassa-health");
        return new KafkaHealthIndicator(Admin.create(config), properties.health().timeout(), denials);
    }
}
