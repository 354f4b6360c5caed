package dev.kassa.messaging.consumer;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A service's declaration "consume {@code topic} as consumer group {@code group} with {@code handler}".
 * Declare one as a bean; the library creates the group's retry and dead-letter topics and listeners:
 *
 * <pre>{@code
 * @Bean
 * EventConsumer paymentResults(CreditSeller creditSeller) {
 *     return EventConsumer.of(Topics.PAYMENT_RESULTS, ConsumerGroups.WALLET_SERVICE, creditSeller::handle);
 * }
 * }</pre>
 *
 * @param topic       the main topic
 * @param group       the consumer group id; also the inbox consumer name and part of the retry/DLT topic names
 * @param handler     the handler, run in one transaction with the inbox insert
 * @param backoff     delays before each retry (one retry topic each); empty = {@code kassa.messaging.consumers.<group>.backoff},
 *                    else {@code kassa.messaging.consumer.backoff} (default 5s six times, on one topic)
 * @param concurrency consumer threads; 0 = {@code kassa.messaging.consumer.concurrency}
 * @param batchHandler for a main topic consumed in batches (one transaction per poll), what applies a batch;
 *                    {@code null} for one transaction per record (see {@link #inBatches()})
 * @param concurrentHandler for a consumer that handles its polls itself, outside the inbox transaction (see
 *                    {@link #concurrent}); {@code null} otherwise
 */
public record EventConsumer(String topic, String group, EventHandler handler, List<Duration> backoff,
                            int concurrency, BatchEventHandler batchHandler,
                            ConcurrentBatchHandler concurrentHandler) {

    public EventConsumer {
        requireName(topic, "topic");
        requireName(group, "group");
        Objects.requireNonNull(handler, "handler");
        backoff = backoff == null ? List.of() : List.copyOf(backoff);
        backoff.forEach(delay -> {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("A retry delay cannot be negative: " + delay);
            }
        });
        if (concurrency < 0) {
            throw new IllegalArgumentException("concurrency must be >= 0: " + concurrency);
        }
        if (batchHandler != null && concurrentHandler != null) {
            throw new IllegalArgumentException("A consumer is either batched in the inbox transaction or concurrent");
        }
    }

    public static EventConsumer of(String topic, String group, EventHandler handler) {
        return new EventConsumer(topic, group, handler, List.of(), 0, null, null);
    }

    /**
     * A consumer whose handler takes each poll whole and manages its own transactions, for work that waits on
     * an outside party (see {@link ConcurrentBatchHandler}): no inbox row, no transaction or connection held
     * while it waits. Retry topics hand it one event at a time.
     */
    public static EventConsumer concurrent(String topic, String group, ConcurrentBatchHandler handler) {
        Objects.requireNonNull(handler, "handler");
        EventHandler oneAtATime = event -> {
            List<ConcurrentBatchHandler.FailedEvent> failures = handler.handle(List.of(event));
            if (!failures.isEmpty()) {
                throw failures.getFirst().cause();
            }
        };
        return new EventConsumer(topic, group, oneAtATime, List.of(), 0, null, handler);
    }

    /** This consumer with its own retry delays, e.g. {@code withBackoff(Duration.ofMillis(200), Duration.ofSeconds(1))}. */
    public EventConsumer withBackoff(Duration... delays) {
        return new EventConsumer(topic, group, handler, List.of(delays), concurrency, batchHandler,
                concurrentHandler);
    }

    public EventConsumer withConcurrency(int threads) {
        return new EventConsumer(topic, group, handler, backoff, threads, batchHandler, concurrentHandler);
    }

    /**
     * This consumer with its main topic read in batches: the inbox rows and the handler's effects of a whole
     * poll commit in ONE transaction, which saves a commit (and its WAL flush) per event. The handler still
     * sees one event per call. If the batch fails, it rolls back and its events are applied one transaction
     * each, so a failing event takes the usual retry and dead-letter path and the others are not held back.
     * Retry topics are always consumed one record at a time.
     *
     * <p>Only for handlers that do nothing but database work: a slow call (HTTP, a PSP) would hold the
     * batch's transaction and row locks open for the whole batch.
     */
    public EventConsumer inBatches() {
        return inBatches(BatchEventHandler.oneByOne(group, handler));
    }

    /**
     * As {@link #inBatches()}, with {@code batchHandler} applying each batch's new events at once; the
     * event handler still serves the retry topics and a batch that failed.
     */
    public EventConsumer inBatches(BatchEventHandler batchHandler) {
        return new EventConsumer(topic, group, handler, backoff, concurrency,
                Objects.requireNonNull(batchHandler, "batchHandler"), concurrentHandler);
    }

    /** Whether the main topic is consumed in batches in the inbox transaction. */
    public boolean batched() {
        return batchHandler != null;
    }

    /** Whether the handler takes whole polls and manages its own transactions. */
    public boolean concurrent() {
        return concurrentHandler != null;
    }

    /**
     * The listener id of the main topic's container when this consumer has it to itself, e.g.
     * {@code kassa.wallet-service.payment.results}; consumers of one group consumed alike share one
     * ({@link EventConsumerRegistrar#listenerIdOf}).
     */
    public String listenerId() {
        return "kassa." + group + "." + topic;
    }

    private static void requireName(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
    }
}
