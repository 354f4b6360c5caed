package dev.kassa.messaging.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Meters of declared consumers, tagged with the consumer group (and topic for dead letters). */
public class ConsumerMetrics {

    public static final String PROCESSED = "kassa.inbox.processed";
    public static final String DUPLICATES = "kassa.inbox.duplicates";
    public static final String DEAD_LETTERS = "kassa.dead.letters";

    private final MeterRegistry registry;

    public ConsumerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    Counter processed(String consumer) {
        return Counter.builder(PROCESSED).description("Events handled for the first time (effect committed)")
                .tag("consumer", consumer).register(registry);
    }

    Counter duplicates(String consumer) {
        return Counter.builder(DUPLICATES).description("Events skipped because this consumer had handled them before")
                .tag("consumer", consumer).register(registry);
    }

    void deadLettered(String deadLetterTopic) {
        Counter.builder(DEAD_LETTERS).description("Records published to a dead-letter topic")
                .tag("topic", deadLetterTopic).register(registry).increment();
    }
}
