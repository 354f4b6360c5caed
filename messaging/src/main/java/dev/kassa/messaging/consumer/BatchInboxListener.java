package dev.kassa.messaging.consumer;

import dev.kassa.messaging.inbox.Inbox;
import dev.kassa.messaging.outbox.EventTraces;
import io.micrometer.core.instrument.Counter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The main-topic listener of a consumer declared {@link EventConsumer#inBatches() in batches}: the inbox rows
 * and the handler's effects of one poll commit in ONE transaction.
 *
 * <p>When that transaction fails it rolls back whole, and the batch is applied again one record per
 * transaction through the record listener the retry topics use. The first record that fails there is
 * reported to spring-kafka as a {@link BatchListenerFailedException}: the records before it are committed,
 * it alone goes to the first retry topic (or straight to the dead-letter topic when it can never be handled),
 * and the records after it are fetched again.
 *
 * <p>Tracing: every new event of the batch gets its own span, a child of the span that published it, started
 * before the handler runs and ended after the transaction ({@link EventTracing#start}). The handler applies the
 * events together, so none of them is current; instead the spans are bound to the thread
 * ({@link EventTraces}) so that an event published with a consumed event as its {@code source_event_id}
 * continues that event's trace, and {@link BatchEventHandler#oneByOne} makes each event's span current around
 * its own work. Cost per event: its span and a map entry, no statement.
 */
public final class BatchInboxListener {

    /** The method spring-kafka invokes for each poll. */
    static final String METHOD = "onBatch";

    private static final Logger log = LoggerFactory.getLogger(BatchInboxListener.class);
    private static final LogAccessor logAccessor = new LogAccessor(BatchInboxListener.class);

    private final String consumer;
    private final BatchEventHandler handler;
    private final InboxListener oneByOne;
    private final Inbox inbox;
    private final TransactionTemplate transactions;
    private final EventTracing tracing;
    private final String spanName;
    private final Counter processed;
    private final Counter duplicates;

    BatchInboxListener(String consumer, BatchEventHandler handler, InboxListener oneByOne,
                       Inbox inbox, TransactionTemplate transactions, EventTracing tracing,
                       ConsumerMetrics metrics) {
        this.consumer = consumer;
        this.handler = handler;
        this.oneByOne = oneByOne;
        this.inbox = inbox;
        this.transactions = transactions;
        this.tracing = tracing;
        this.spanName = InboxListener.spanName(consumer);
        this.processed = metrics.processed(consumer);
        this.duplicates = metrics.duplicates(consumer);
    }

    public void onBatch(List<ConsumerRecord<String, ReceivedValue>> records) {
        if (records.isEmpty() || applyTogether(records)) {
            return;
        }
        applyOneByOne(records);
    }

    /** @return whether the whole batch committed; {@code false} leaves nothing applied */
    private boolean applyTogether(List<ConsumerRecord<String, ReceivedValue>> records) {
        List<InboundEvent> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, ReceivedValue> record : records) {
            if (record.value() == null) {
                return false; // undecodable: one by one, so that it alone is dead-lettered
            }
            SpecificRecord event = record.value().record();
            try {
                events.add(new InboundEvent(record.key(), InboxListener.eventId(record, event), event,
                        record.topic(), record.partition(), record.offset(), record.headers()));
            } catch (InvalidEventException e) {
                return false;
            }
        }
        Map<String, EventTracing.Trace> traces = HashMap.newHashMap(events.size());
        try {
            Integer applied = transactions.execute(status -> applyNew(events, traces));
            processed.increment(applied == null ? 0 : applied);
            duplicates.increment(records.size() - (applied == null ? 0 : applied));
            return true;
        } catch (RuntimeException e) {
            log.info("A batch of {} records failed and rolled back ({}); applying them one transaction each",
                    records.size(), e.toString());
            return false;
        } finally {
            // After the commit (or rollback), so that each span covers it; one applied again alone gets a new span.
            traces.values().forEach(EventTracing.Trace::end);
        }
    }

    /**
     * Runs in the batch's transaction: records the batch in the inbox, then handles the events seen first now,
     * each with its trace started in {@code traces}.
     */
    private int applyNew(List<InboundEvent> events, Map<String, EventTracing.Trace> traces) {
        Set<String> fresh = inbox.markProcessed(consumer, events.stream().map(InboundEvent::eventId).toList());
        List<InboundEvent> newEvents = new ArrayList<>(fresh.size());
        for (InboundEvent event : events) {
            // remove: an event repeated within the batch is applied at its first occurrence only
            if (fresh.remove(event.eventId())) {
                newEvents.add(event);
            } else {
                log.info("Skipped duplicate event {} ({}) on {}-{}@{}", event.eventId(),
                        event.record().getSchema().getName(), event.topic(), event.partition(), event.offset());
            }
        }
        if (newEvents.isEmpty()) {
            return 0;
        }
        for (InboundEvent event : newEvents) {
            EventTracing.Trace trace = tracing.start(event, spanName);
            if (trace != EventTracing.Trace.NONE) {
                traces.put(event.eventId(), trace);
            }
        }
        try (EventTraces.Binding bound = EventTraces.bind(traces)) {
            handler.handle(newEvents);
        }
        return newEvents.size();
    }

    private void applyOneByOne(List<ConsumerRecord<String, ReceivedValue>> records) {
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, ReceivedValue> record = records.get(i);
            try {
                if (record.value() == null) {
                    throw undecodable(record);
                }
                oneByOne.onRecord(record);
            } catch (RuntimeException e) {
                throw new BatchListenerFailedException(record.topic() + "-" + record.partition() + "@"
                        + record.offset() + " failed", e, i);
            }
        }
    }

    /** The deserializer's own exception, so that the record counts as undecodable (never retried). */
    private static RuntimeException undecodable(ConsumerRecord<String, ReceivedValue> record) {
        DeserializationException cause = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, logAccessor);
        return cause != null ? cause : new InvalidEventException(record.topic() + "-" + record.partition() + "@"
                + record.offset() + " has no value");
    }
}
