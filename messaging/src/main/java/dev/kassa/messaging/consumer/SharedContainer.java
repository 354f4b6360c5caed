package dev.kassa.messaging.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The declared consumers that one listener container serves: those of one group that are consumed alike
 * (in batches or one record at a time, with the same retry delays and the same number of threads). Their main
 * topics share one container and their retry topics another, so a group that declares three such consumers runs
 * two Kafka consumers instead of six: every Kafka consumer fetches and heartbeats even when the system is idle.
 * Each topic keeps its own retry and dead-letter topics. A poll may hold records of several of the topics; a
 * batch commits them in ONE transaction, each consumer's events handed to its own handler.
 *
 * <p>A {@link EventConsumer#concurrent concurrent} consumer always has containers of its own.
 */
final class SharedContainer {

    private final List<EventConsumer> consumers;
    private final Map<String, EventConsumer> byTopic = new HashMap<>();

    private SharedContainer(List<EventConsumer> consumers, Function<EventConsumer, List<Duration>> backoffOf) {
        this.consumers = List.copyOf(consumers);
        for (EventConsumer consumer : this.consumers) {
            byTopic.put(consumer.topic(), consumer);
            ConsumerTopics.followers(consumer.topic(), consumer.group(), backoffOf.apply(consumer))
                    .forEach(follower -> byTopic.put(follower, consumer));
        }
    }

    /** {@code consumers} by the container that serves them, in declaration order. */
    static List<SharedContainer> of(List<EventConsumer> consumers, Function<EventConsumer, List<Duration>> backoffOf,
                                    ToIntFunction<EventConsumer> concurrencyOf) {
        Map<Object, List<EventConsumer>> alike = new LinkedHashMap<>();
        for (EventConsumer consumer : consumers) {
            Object key = consumer.concurrent() ? consumer.listenerId()
                    : List.of(consumer.group(), consumer.batched(), backoffOf.apply(consumer),
                    concurrencyOf.applyAsInt(consumer));
            alike.computeIfAbsent(key, k -> new ArrayList<>()).add(consumer);
        }
        return alike.values().stream().map(sharing -> new SharedContainer(sharing, backoffOf)).toList();
    }

    List<EventConsumer> consumers() {
        return consumers;
    }

    /** The first of the consumers: they share group, kind, retry delays and threads, so it speaks for all. */
    EventConsumer first() {
        return consumers.getFirst();
    }

    /**
     * The main container's id: the consumer's own {@link EventConsumer#listenerId()} when it is alone, else
     * {@code kassa.<group>.<topic>+<topic>...}.
     */
    String listenerId() {
        if (consumers.size() == 1) {
            return first().listenerId();
        }
        return "kassa." + first().group() + "." + String.join("+", topics());
    }

    String[] topics() {
        return consumers.stream().map(EventConsumer::topic).toArray(String[]::new);
    }

    /** Each event to the handler of the consumer whose main or retry topic it was read from. */
    EventHandler handler() {
        if (consumers.size() == 1) {
            return first().handler();
        }
        return event -> consumerOf(event).handler().handle(event);
    }

    /**
     * A batch split by consumer, each part in read order to that consumer's batch handler. Events of different
     * topics have no order between them, so applying one consumer's part after another's is the same as applying
     * them as read.
     */
    BatchEventHandler batchHandler() {
        if (consumers.size() == 1) {
            return first().batchHandler();
        }
        return events -> {
            Map<EventConsumer, List<InboundEvent>> parts = new LinkedHashMap<>();
            consumers.forEach(consumer -> parts.put(consumer, new ArrayList<>()));
            events.forEach(event -> parts.get(consumerOf(event)).add(event));
            parts.forEach((consumer, part) -> {
                if (!part.isEmpty()) {
                    consumer.batchHandler().handle(part);
                }
            });
        };
    }

    private EventConsumer consumerOf(InboundEvent event) {
        EventConsumer consumer = byTopic.get(event.topic());
        if (consumer == null) {
            throw new IllegalStateException("No consumer of group " + first().group() + " reads " + event.topic());
        }
        return consumer;
    }
}
