package dev.kassa.messaging.consumer;

import dev.kassa.messaging.config.MessagingAutoConfiguration;
import dev.kassa.messaging.config.MessagingProperties;
import dev.kassa.messaging.config.RawKafkaSender;
import dev.kassa.messaging.config.TopicProvisioner;
import dev.kassa.messaging.inbox.Inbox;
import dev.kassa.messaging.outbox.OutboxAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.retrytopic.RetryTopicConfigurer;
import org.springframework.kafka.retrytopic.RetryTopicSchedulerWrapper;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Declared {@link EventConsumer}s: listeners, inbox transactions, retry and dead-letter topics. */
@AutoConfiguration(after = {MessagingAutoConfiguration.class, OutboxAutoConfiguration.class})
@ConditionalOnBean({RawKafkaSender.class, Inbox.class, ConsumerFactory.class})
@Import(KassaRetryTopicSupport.class)
public class ConsumerAutoConfiguration {

    /** Bean name of the container factory every declared consumer's listeners use. */
    public static final String CONTAINER_FACTORY = "kassaListenerContainerFactory";

    @Bean
    @ConditionalOnMissingBean
    ConsumerMetrics kassaConsumerMetrics(ObjectProvider<MeterRegistry> meterRegistry) {
        return new ConsumerMetrics(meterRegistry.getIfAvailable(SimpleMeterRegistry::new));
    }

    /** With Micrometer Tracing on the classpath, every consumed event continues the trace that published it. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Tracer.class)
    static class TracingConfiguration {

        @Bean
        @ConditionalOnMissingBean
        EventTracing kassaEventTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
            return new MicrometerEventTracing(tracer, propagator);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    EventTracing kassaNoEventTracing() {
        return EventTracing.NONE;
    }

    /** The retry topics' own scheduler (resumes paused partitions when a backoff ends), apart from the service's. */
    @Bean
    @ConditionalOnMissingBean
    RetryTopicSchedulerWrapper kassaRetryTopicScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("kassa-retry-");
        scheduler.setPoolSize(2);
        return new RetryTopicSchedulerWrapper(scheduler); // initializes and shuts down the scheduler with the bean
    }

    @Bean(CONTAINER_FACTORY)
    @SuppressWarnings({"unchecked", "rawtypes"})
    ConcurrentKafkaListenerContainerFactory<String, ReceivedValue> kassaListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<?, ?> kafkaConsumerFactory) {
        // Start from Boot's settings (bootstrap servers, security, spring.kafka.consumer.*), keep our serde.
        Map<String, Object> config = new HashMap<>(kafkaConsumerFactory.getConfigurationProperties());
        config.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        config.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
        config.remove(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        DefaultKafkaConsumerFactory<String, ReceivedValue> consumerFactory = new DefaultKafkaConsumerFactory<>(config,
                new StringDeserializer(), new ErrorHandlingDeserializer<>(new ReceivedValueDeserializer()));
        // Boot's listeners too: its MicrometerConsumerListener publishes the Kafka client's metrics, consumer lag
        // (kafka.consumer.fetch.manager.records.lag.max) among them, which the operator console shows per service.
        ((ConsumerFactory<String, ReceivedValue>) kafkaConsumerFactory).getListeners()
                .forEach(consumerFactory::addListener);
        ConcurrentKafkaListenerContainerFactory factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, (ConsumerFactory) consumerFactory);
        return factory;
    }

    @Bean
    EventConsumerRegistrar kassaEventConsumerRegistrar(
            ObjectProvider<EventConsumer> consumers, MessagingProperties properties, TopicProvisioner provisioner,
            RetryTopicConfigurer retryTopicConfigurer,
            @Qualifier(CONTAINER_FACTORY)
            ConcurrentKafkaListenerContainerFactory<String, ReceivedValue> containerFactory,
            RawKafkaSender sender, Inbox inbox, DataSource dataSource,
            ObjectProvider<PlatformTransactionManager> transactionManagers, ConsumerMetrics metrics,
            EventTracing tracing, KassaRetryTopicSupport retryTopicSupport) {
        // The inbox row and the handler's effect commit together on the service's own database; the
        // service's own transaction manager, so that its @Transactional code joins the same transaction.
        PlatformTransactionManager transactionManager =
                transactionManagers.getIfUnique(() -> new DataSourceTransactionManager(dataSource));
        // A service without consumers still gets its main topics created (the relay publishes to them).
        return new EventConsumerRegistrar(consumers.orderedStream().toList(), properties, provisioner,
                retryTopicConfigurer, containerFactory, sender.template(), inbox,
                new TransactionTemplate(transactionManager), metrics, tracing, retryTopicSupport);
    }
}
