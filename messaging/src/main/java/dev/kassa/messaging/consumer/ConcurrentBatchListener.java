package dev.kassa.messaging.consumer;

import dev.kassa.messaging.consumer.ConcurrentBatchHandler.FailedEvent;
import io.micrometer.core.instrument.Counter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.retrytopic.RetryTopicHeaders;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * The listeners of a consumer declared {@link EventConsumer#concurrent concurrent}: no inbox row and no
 * library transaction around the handler, which manages its own.
 *
 * <p>Main topic ({@link #onBatch}): the whole poll goes to the handler at once. Every event it reports as
 * failed, and every record that cannot be decoded, is published to where spring-kafka's error handler would
 * have sent it (the first retry topic, or the dead-letter topic for what can never be handled) by the same
 * recoverer, with the same headers, before the listener returns; only then does the container commit the
 * poll's offsets. If a publication fails, the listener throws and the container delivers the poll again,
 * which the handler's idempotency makes harmless.
 *
 * <p>Retry topics take the same path, whole polls at once, after the listener has waited for the poll's back-off
 * to end ({@link #awaitBackOff}): spring-kafka's own back-off handling serves record listeners only. The
 * recoverer sends a failed event from a retry topic on to the next one, or to the dead-letter topic.
 */
public final class ConcurrentBatchListener {

    static final String BATCH_METHOD = "onBatch";

    private static final Logger log = LoggerFactory.getLogger(ConcurrentBatchListener.class);
    private static final LogAccessor logAccessor = new LogAccessor(ConcurrentBatchListener.class);

    private final String consumer;
    private final ConcurrentBatchHandler handler;
    private final Supplier<DeadLetterPublishingRecoverer> recoverers;
    private final Counter processed;
    private volatile DeadLetterPublishingRecoverer recoverer;

    ConcurrentBatchListener(String consumer, ConcurrentBatchHandler handler,
                            Supplier<DeadLetterPublishingRecoverer> recoverers, ConsumerMetrics metrics) {
        this.consumer = consumer;
        this.handler = handler;
        this.recoverers = recoverers;
        this.processed = metrics.processed(consumer);
    }

    public void onBatch(List<ConsumerRecord<String, ReceivedValue>> records, @Nullable Consumer<?, ?> kafka)
            throws InterruptedException {
        awaitBackOff(records);
        List<InboundEvent> events = new ArrayList<>(records.size());
        Map<InboundEvent, ConsumerRecord<String, ReceivedValue>> recordOf = new IdentityHashMap<>();
        Map<ConsumerRecord<String, ReceivedValue>, RuntimeException> undecodable = new IdentityHashMap<>();
        for (ConsumerRecord<String, ReceivedValue> record : records) {
            try {
                InboundEvent event = decode(record);
                events.add(event);
                recordOf.put(event, record);
            } catch (RuntimeException e) {
                undecodable.put(record, e);
            }
        }
        List<FailedEvent> failures = events.isEmpty() ? List.of() : handler.handle(events);
        // Published only once the handler returned: had it thrown, the poll comes again, and so would they.
        undecodable.forEach((record, cause) -> recover(record, kafka, cause));
        for (FailedEvent failure : failures) {
            ConsumerRecord<String, ReceivedValue> record = recordOf.get(failure.event());
            if (record == null) {
                throw new IllegalStateException(consumer + ": a handler reported a failure for an event it was not given");
            }
            try (EventMdc ignored = EventMdc.put(consumer, record.key(), failure.event().eventId(),
                    failure.event().record())) {
                log.info("Event {} ({}) failed and leaves the poll for the retry path: {}", failure.event().eventId(),
                        failure.event().record().getSchema().getName(), failure.cause().toString());
                recover(record, kafka, failure.cause());
            }
        }
        processed.increment(events.size() - failures.size());
    }

    /**
     * Waits until every record of a retry poll is due: spring-kafka stamps each with the time its back-off ends. A
     * poll holds what was published before it, so the wait is at most the topic's delay; a record may come up to
     * that much later than its own time, never earlier. Main-topic records carry no stamp and pass at once. The
     * consumer's heartbeats go on meanwhile (its own thread), and the wait is far below {@code max.poll.interval.ms}.
     * A container that stops meanwhile waits for the poll (up to its shutdown timeout); a poll cut short by the
     * process's end is not committed and comes again.
     */
    private static void awaitBackOff(List<ConsumerRecord<String, ReceivedValue>> records) throws InterruptedException {
        long wait = dueTime(records) - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    /** When the last back-off of {@code records} ends (epoch millis), or 0 if none carries a back-off stamp. */
    static long dueTime(List<ConsumerRecord<String, ReceivedValue>> records) {
        long due = 0;
        for (ConsumerRecord<String, ReceivedValue> record : records) {
            Header stamp = record.headers().lastHeader(RetryTopicHeaders.DEFAULT_HEADER_BACKOFF_TIMESTAMP);
            if (stamp != null && stamp.value() != null && stamp.value().length > 0) {
                due = Math.max(due, new BigInteger(stamp.value()).longValue());
            }
        }
        return due;
    }

    private static InboundEvent decode(ConsumerRecord<String, ReceivedValue> record) {
        if (record.value() == null) {
            throw undecodable(record);
        }
        SpecificRecord event = record.value().record();
        return new InboundEvent(record.key(), InboxListener.eventId(record, event), event, record.topic(),
                record.partition(), record.offset(), record.headers());
    }

    /** Publishes {@code record} where spring-kafka's error handler would, waiting for the broker's acknowledgement. */
    private void recover(ConsumerRecord<String, ReceivedValue> record, @Nullable Consumer<?, ?> kafka,
                         RuntimeException cause) {
        DeadLetterPublishingRecoverer publisher = recoverer;
        if (publisher == null) {
            publisher = recoverers.get();
            recoverer = publisher;
        }
        publisher.accept(record, kafka, new ListenerExecutionFailedException(record.topic() + "-"
                + record.partition() + "@" + record.offset() + " failed", consumer, cause));
    }

    /** The deserializer's own exception, so that the record counts as undecodable (never retried). */
    private static RuntimeException undecodable(ConsumerRecord<String, ReceivedValue> record) {
        DeserializationException cause = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, logAccessor);
        return cause != null ? cause : new InvalidEventException(record.topic() + "-" + record.partition() + "@"
                + record.offset() + " has no value");
    }
}
