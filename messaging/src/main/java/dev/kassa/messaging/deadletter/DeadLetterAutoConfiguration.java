package dev.kassa.messaging.deadletter;

import dev.kassa.messaging.config.MessagingProperties;
import dev.kassa.messaging.config.RawKafkaSender;
import dev.kassa.messaging.consumer.ConsumerAutoConfiguration;
import dev.kassa.messaging.consumer.EventConsumerRegistrar;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.ConsumerFactory;

/** {@code /admin/dead-letters} in every servlet service that uses the messaging library. */
@AutoConfiguration(after = ConsumerAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(EventConsumerRegistrar.class)
@ConditionalOnProperty(prefix = "kassa.messaging.dead-letter", name = "endpoints-enabled", matchIfMissing = true)
@Import({DeadLetterController.class, DeadLetterAccessRules.class})
public class DeadLetterAutoConfiguration {

    @Bean
    DeadLetterService kassaDeadLetterService(EventConsumerRegistrar registrar,
                                             ConsumerFactory<?, ?> kafkaConsumerFactory, RawKafkaSender sender,
                                             DataSource dataSource, MessagingProperties properties,
                                             ObjectProvider<MeterRegistry> meterRegistry) {
        MessagingProperties.DeadLetter settings = properties.deadLetter();
        DeadLetterReader reader = new DeadLetterReader(kafkaConsumerFactory.getConfigurationProperties(),
                settings.readTimeout());
        return new DeadLetterService(registrar::deadLetterTopics, reader, sender.template(),
                new ReplayAudit(dataSource), settings.maxReplays(), settings.maxListLimit(),
                settings.maxReplayRecords(), properties.outbox().sendTimeout(),
                meterRegistry.getIfAvailable(SimpleMeterRegistry::new));
    }
}
