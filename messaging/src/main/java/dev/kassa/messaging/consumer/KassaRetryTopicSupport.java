package dev.kassa.messaging.consumer;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.KafkaConsumerBackoffManager;
import org.springframework.kafka.retrytopic.DeadLetterPublishingRecovererFactory;
import org.springframework.kafka.retrytopic.ListenerContainerFactoryConfigurer;
import org.springframework.kafka.retrytopic.RetryTopicComponentFactory;
import org.springframework.kafka.retrytopic.RetryTopicConfigurationSupport;

/**
 * spring-kafka's non-blocking retry infrastructure with Kassa's global settings: a handler's
 * {@link InvalidEventException} is never retried (like undecodable records, which spring-kafka already
 * treats as fatal), and dead letters are counted, logged and name their innermost cause
 * ({@link DeadLetterRecordingPublisher}). Services must not add
 * {@code @EnableKafkaRetryTopic} or another {@code RetryTopicConfigurationSupport}.
 */
@Configuration(proxyBeanMethods = false)
public class KassaRetryTopicSupport extends RetryTopicConfigurationSupport {

    private final ObjectProvider<ConsumerMetrics> metrics;
    private volatile DeadLetterPublishingRecovererFactory recovererFactory;

    public KassaRetryTopicSupport(ObjectProvider<ConsumerMetrics> metrics) {
        this.metrics = metrics;
    }

    @Override
    protected void manageNonBlockingFatalExceptions(List<Class<? extends Throwable>> nonBlockingFatalExceptions) {
        nonBlockingFatalExceptions.add(InvalidEventException.class);
    }

    /**
     * spring-kafka wraps every listener of a retry configuration in a back-off-aware adapter, which handles
     * single records only. A main topic consumed {@link EventConsumer#inBatches() in batches} keeps its batch
     * listener: main-topic records carry no back-off, so there is nothing to wait for; the container's error
     * handler still routes a failed record to the first retry topic or the dead-letter topic.
     */
    @Override
    protected RetryTopicComponentFactory createComponentFactory() {
        return new RetryTopicComponentFactory() {
            @Override
            public ListenerContainerFactoryConfigurer listenerContainerFactoryConfigurer(
                    KafkaConsumerBackoffManager backoffManager,
                    DeadLetterPublishingRecovererFactory recovererFactory, Clock clock) {
                return new ListenerContainerFactoryConfigurer(backoffManager, recovererFactory, clock) {
                    @Override
                    protected void setupBackoffAwareMessageListenerAdapter(
                            ConcurrentMessageListenerContainer<?, ?> container) {
                        if (!(container.getContainerProperties().getMessageListener()
                                instanceof BatchMessageListener<?, ?>)) {
                            super.setupBackoffAwareMessageListenerAdapter(container);
                        }
                    }
                };
            }
        };
    }

    @Override
    protected Consumer<DeadLetterPublishingRecovererFactory> configureDeadLetterPublishingContainerFactory() {
        return factory -> {
            recovererFactory = factory;
            factory.setDeadLetterPublisherCreator((templateResolver, destinationResolver) ->
                    new DeadLetterRecordingPublisher(templateResolver, destinationResolver, metrics.getObject()));
        };
    }

    /**
     * The recoverer the error handler of {@code mainListenerId}'s containers uses: it publishes a failed record
     * to the next retry topic, or the dead-letter topic, with spring-kafka's headers and Kassa's. A listener that
     * reports several failures of one poll (see {@link ConcurrentBatchListener}) sends each through it.
     */
    DeadLetterPublishingRecoverer recovererFor(String mainListenerId) {
        DeadLetterPublishingRecovererFactory factory = recovererFactory;
        if (factory == null) {
            throw new IllegalStateException("The retry topic configurer has not been created yet");
        }
        return factory.create(mainListenerId);
    }
}
