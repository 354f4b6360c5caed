package dev.kassa.messaging.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;

/** What every part of the messaging library shares: settings, the raw-bytes producer, topic creation. */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnBean({ProducerFactory.class, KafkaAdmin.class})
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RawKafkaSender kassaRawKafkaSender(ProducerFactory<?, ?> kafkaProducerFactory, MessagingProperties properties) {
        // Boot's factory settings already include KafkaConnectionDetails and spring.kafka.producer.*.
        return new RawKafkaSender(kafkaProducerFactory.getConfigurationProperties(), properties.outbox().sendTimeout());
    }

    @Bean
    @ConditionalOnMissingBean
    KafkaAccessDenials kassaKafkaAccessDenials(Environment environment) {
        requireKafkaLogin(environment);
        return new KafkaAccessDenials();
    }

    /** A service that would log in to the broker as nobody fails at start, naming what to set, not later per request. */
    static void requireKafkaLogin(Environment environment) {
        String protocol = environment.getProperty("spring.kafka.security.protocol", "PLAINTEXT");
        if (protocol.startsWith("SASL") && environment.getProperty("kassa.kafka.username", "").isBlank()) {
            throw new IllegalStateException("kassa.kafka.username (KASSA_KAFKA_USERNAME) is not set: the broker lets"
                    + " in only clients that log in as their service's principal, with kassa.kafka.password"
                    + " (KASSA_KAFKA_PASSWORD); set kassa.kafka.security-protocol=PLAINTEXT only for a broker that"
                    + " asks no one (docs/architecture.md §11)");
        }
    }

    @Bean
    @ConditionalOnMissingBean
    TopicProvisioner kassaTopicProvisioner(KafkaAdmin kafkaAdmin, MessagingProperties properties) {
        return new TopicProvisioner(kafkaAdmin.getConfigurationProperties(), properties.topicPartitions(),
                properties.replicationFactor(), properties.topicProvisioningTimeout());
    }
}
