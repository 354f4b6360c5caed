package dev.kassa.messaging.consumer;

import dev.kassa.messaging.config.MessagingProperties;
import dev.kassa.messaging.config.TopicProvisioner;
import dev.kassa.messaging.inbox.Inbox;
import dev.kassa.schemas.Topics;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListenerConfigurer;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistrar;
import org.springframework.kafka.config.MethodKafkaListenerEndpoint;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.retrytopic.RetryTopicConfiguration;
import org.springframework.kafka.retrytopic.RetryTopicConfigurationBuilder;
import org.springframework.kafka.retrytopic.RetryTopicConfigurer;
import org.springframework.kafka.retrytopic.SameIntervalTopicReuseStrategy;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns every {@link EventConsumer} bean into spring-kafka listeners with non-blocking retries
 * (programmatic form of {@code @RetryableTopic}): first the group's topics are created, then the main
 * topic's listener and one listener per retry topic are registered. Consumers of one group that are consumed
 * alike share those listeners ({@link SharedContainer}). The dead-letter topic gets no running listener: records
 * wait there for an operator (see {@code /admin/dead-letters}).
 */
public class EventConsumerRegistrar implements KafkaListenerConfigurer {

    static final String DEFAULT_FACTORY_BEAN_NAME = "kafkaListenerContainerFactory";
    static final int RETRY_TOPIC_CONCURRENCY = 1;

    private static final Method LISTENER_METHOD = listenerMethod(InboxListener.class, InboxListener.METHOD,
            ConsumerRecord.class);
    private static final Method BATCH_LISTENER_METHOD = listenerMethod(BatchInboxListener.class,
            BatchInboxListener.METHOD, List.class);
    private static final Method CONCURRENT_BATCH_METHOD = listenerMethod(ConcurrentBatchListener.class,
            ConcurrentBatchListener.BATCH_METHOD, List.class, org.apache.kafka.clients.consumer.Consumer.class);

    private final List<EventConsumer> consumers;
    private final List<SharedContainer> containers;
    private final MessagingProperties properties;
    private final TopicProvisioner provisioner;
    private final RetryTopicConfigurer retryTopicConfigurer;
    private final ConcurrentKafkaListenerContainerFactory<String, ReceivedValue> containerFactory;
    private final KafkaOperations<String, Object> rawTemplate;
    private final Inbox inbox;
    private final TransactionTemplate transactions;
    private final ConsumerMetrics metrics;
    private final EventTracing tracing;
    private final KassaRetryTopicSupport retryTopicSupport;
    private final DefaultMessageHandlerMethodFactory handlerMethodFactory = new DefaultMessageHandlerMethodFactory();

    public EventConsumerRegistrar(List<EventConsumer> consumers, MessagingProperties properties,
                                  TopicProvisioner provisioner, RetryTopicConfigurer retryTopicConfigurer,
                                  ConcurrentKafkaListenerContainerFactory<String, ReceivedValue> containerFactory,
                                  KafkaOperations<String, Object> rawTemplate, Inbox inbox,
                                  TransactionTemplate transactions, ConsumerMetrics metrics, EventTracing tracing,
                                  KassaRetryTopicSupport retryTopicSupport) {
        this.consumers = List.copyOf(consumers);
        this.properties = properties;
        this.provisioner = provisioner;
        this.retryTopicConfigurer = retryTopicConfigurer;
        this.containerFactory = containerFactory;
        this.rawTemplate = rawTemplate;
        this.inbox = inbox;
        this.transactions = transactions;
        this.metrics = metrics;
        this.tracing = tracing;
        this.retryTopicSupport = retryTopicSupport;
        this.handlerMethodFactory.afterPropertiesSet();
        checkUnique(this.consumers);
        this.containers = SharedContainer.of(this.consumers, this::backoffOf, this::concurrencyOf);
    }

    /** The retry delays {@code consumer} uses: its own, else its group's property, else the global default. */
    public List<Duration> backoffOf(EventConsumer consumer) {
        return consumer.backoff().isEmpty() ? properties.backoffOf(consumer.group()) : consumer.backoff();
    }

    @Override
    public void configureKafkaListeners(KafkaListenerEndpointRegistrar registrar) {
        provisionTopics();
        for (SharedContainer container : containers) {
            if (container.first().concurrent()) {
                registerConcurrent(container.first(), registrar);
                continue;
            }
            EventConsumer first = container.first();
            InboxListener listener = new InboxListener(first.group(), container.handler(), inbox, transactions,
                    tracing, metrics);
            MethodKafkaListenerEndpoint<String, ReceivedValue> main = new MethodKafkaListenerEndpoint<>();
            RetryTopicConfigurer.EndpointProcessor processor = endpoint -> configure(endpoint, container, listener,
                    LISTENER_METHOD, endpoint == main);
            processor.accept(main);
            retryTopicConfigurer.processMainAndRetryListeners(processor, main, retryConfiguration(first),
                    registrar, containerFactory, DEFAULT_FACTORY_BEAN_NAME);
            if (first.batched()) {
                // spring-kafka's non-blocking retries support record listeners only, and it derives the retry
                // endpoints from the main one. They are derived by now (and containers are created later), so
                // the main endpoint alone switches to the batch listener; failed records still go to the
                // retry topics through the main container's error handler (see KassaRetryTopicSupport).
                main.setBatchListener(true);
                main.setBean(new BatchInboxListener(first.group(), container.batchHandler(), listener, inbox,
                        transactions, tracing, metrics));
                main.setMethod(BATCH_LISTENER_METHOD);
            }
        }
    }

    /**
     * The id of the listener container that consumes {@code consumer}'s main topic: its own
     * {@link EventConsumer#listenerId()}, unless it shares the container with consumers alike (see
     * {@link SharedContainer}).
     */
    public String listenerIdOf(EventConsumer consumer) {
        return containers.stream().filter(container -> container.consumers().contains(consumer)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not a declared consumer: " + consumer.listenerId()))
                .listenerId();
    }

    /**
     * A {@link EventConsumer#concurrent concurrent} consumer: the same topics and retry configuration, but
     * listeners without the inbox transaction. Its main topic and its retry topics are all consumed in whole polls
     * (batch listeners, kept out of the back-off adapter like any batch listener, see KassaRetryTopicSupport), so
     * that the handler's calls run concurrently on the retry path too: one at a time, a PSP that takes 300 ms would
     * let a retry topic carry three requests a second, and a burst sent there by an open circuit would take minutes.
     * {@link ConcurrentBatchListener} waits for a retry poll's back-off itself.
     */
    private void registerConcurrent(EventConsumer consumer, KafkaListenerEndpointRegistrar registrar) {
        ConcurrentBatchListener listener = new ConcurrentBatchListener(consumer.group(), consumer.concurrentHandler(),
                () -> retryTopicSupport.recovererFor(consumer.listenerId()), metrics);
        MethodKafkaListenerEndpoint<String, ReceivedValue> main = new MethodKafkaListenerEndpoint<>();
        List<MethodKafkaListenerEndpoint<?, ?>> endpoints = new ArrayList<>();
        SharedContainer alone = SharedContainer.of(List.of(consumer), this::backoffOf, this::concurrencyOf).getFirst();
        RetryTopicConfigurer.EndpointProcessor processor = endpoint -> {
            configure(endpoint, alone, listener, CONCURRENT_BATCH_METHOD, endpoint == main);
            endpoints.add(endpoint);
        };
        processor.accept(main);
        retryTopicConfigurer.processMainAndRetryListeners(processor, main, retryConfiguration(consumer),
                registrar, containerFactory, DEFAULT_FACTORY_BEAN_NAME);
        // Derived and named by now; containers are created later, from these settings. The dead-letter topic's
        // endpoint keeps spring-kafka's handler (it is not started).
        String deadLetterTopic = Topics.deadLetterTopic(consumer.topic(), consumer.group());
        for (MethodKafkaListenerEndpoint<?, ?> endpoint : endpoints) {
            if (!endpoint.getTopics().contains(deadLetterTopic)) {
                endpoint.setBatchListener(true);
            }
        }
    }

    private void provisionTopics() {
        Map<String, List<String>> followers = new LinkedHashMap<>();
        for (EventConsumer consumer : consumers) {
            followers.computeIfAbsent(consumer.topic(), t -> new ArrayList<>())
                    .addAll(ConsumerTopics.followers(consumer.topic(), consumer.group(), backoffOf(consumer)));
        }
        provisioner.provision(properties.mainTopics(), followers);
    }

    /** Applied by spring-kafka to the main endpoint and to each retry/DLT endpoint before it suffixes names. */
    private void configure(MethodKafkaListenerEndpoint<?, ?> endpoint, SharedContainer container, Object listener,
                           Method method, boolean mainTopic) {
        endpoint.setId(container.listenerId());
        endpoint.setGroupId(container.first().group());
        endpoint.setTopics(container.topics());
        endpoint.setBean(listener);
        endpoint.setMethod(method);
        endpoint.setMessageHandlerMethodFactory(handlerMethodFactory);
        // Retry topics carry only the failures: one consumer each, since every idle consumer still polls the broker.
        endpoint.setConcurrency(mainTopic ? concurrencyOf(container.first()) : RETRY_TOPIC_CONCURRENCY);
    }

    private int concurrencyOf(EventConsumer consumer) {
        return consumer.concurrency() > 0 ? consumer.concurrency() : properties.consumer().concurrency();
    }

    private RetryTopicConfiguration retryConfiguration(EventConsumer consumer) {
        List<Duration> delays = backoffOf(consumer);
        RetryTopicConfigurationBuilder builder = RetryTopicConfigurationBuilder.newInstance()
                .maxAttempts(delays.size() + 1)
                .customBackoff(new ListBackOff(delays))
                // Names as Topics.retryTopic / Topics.deadLetterTopic: the group is part of the name, so two
                // groups of one topic never see each other's retries.
                .retryTopicSuffix(ConsumerTopics.retryTopicSuffix(consumer.group(), delays))
                .suffixTopicsWithIndexValues()
                .sameIntervalTopicReuseStrategy(ConsumerTopics.sharesLastRetryTopic(delays)
                        ? SameIntervalTopicReuseStrategy.SINGLE_TOPIC : SameIntervalTopicReuseStrategy.MULTIPLE_TOPICS)
                .dltSuffix("." + consumer.group() + ".dlt")
                .doNotAutoCreateRetryTopics()
                .autoStartDltHandler(false)
                .listenerFactory(containerFactory);
        if (delays.isEmpty()) {
            builder.noBackoff();
        }
        return builder.create(rawTemplate);
    }

    private static void checkUnique(List<EventConsumer> consumers) {
        Map<String, EventConsumer> byId = new LinkedHashMap<>();
        for (EventConsumer consumer : consumers) {
            if (byId.putIfAbsent(consumer.listenerId(), consumer) != null) {
                throw new IllegalStateException("Two EventConsumer beans consume " + consumer.topic() + " as group "
                        + consumer.group() + "; a group consumes a topic once, with one handler");
            }
        }
    }

    /** The dead-letter topics of the declared consumers: the ones the admin endpoints may read. */
    public List<String> deadLetterTopics() {
        return consumers.stream().map(c -> Topics.deadLetterTopic(c.topic(), c.group())).distinct().toList();
    }

    private static Method listenerMethod(Class<?> listener, String name, Class<?>... parameters) {
        try {
            return listener.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
