package dev.kassa.messaging.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
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
    TopicProvisioner kassaTopicProvisioner(KafkaAdmin kafkaAdmin, MessagingProperties properties) {
        return new TopicProvisioner(kafkaAdmin.getConfigurationProperties(), properties.topicPartitions(),
                properties.replicationFactor(), properties.topicProvisioningTimeout());
    }
}
