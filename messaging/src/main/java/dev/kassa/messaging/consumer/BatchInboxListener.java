package dev.kassa.messaging.consumer;

import dev.kassa.messaging.inbox.Inbox;
import io.micrometer.core.instrument.Counter;
import java.util.ArrayList;
import java.util.List;
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
    private final Counter processed;
    private final Counter duplicates;

    BatchInboxListener(String consumer, BatchEventHandler handler, InboxListener oneByOne,
                       Inbox inbox, TransactionTemplate transactions,
                       ConsumerMetrics metrics) {
        this.consumer = consumer;
        this.handler = handler;
        this.oneByOne = oneByOne;
        this.inbox = inbox;
        this.transactions = transactions;
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
                        record.topic(), record.partition(), record.offset()));
            } catch (InvalidEventException e) {
                return false;
            }
        }
        try {
            Integer applied = transactions.execute(status -> applyNew(events));
            processed.increment(applied == null ? 0 : applied);
            duplicates.increment(records.size() - (applied == null ? 0 : applied));
            return true;
        } catch (RuntimeException e) {
            log.info("A batch of {} records failed and rolled back ({}); applying them one transaction each",
                    records.size(), e.toString());
            return false;
        }
    }

    /** Runs in the batch's transaction: records the batch in the inbox, then handles the events seen first now. */
    private int applyNew(List<InboundEvent> events) {
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
        if (!newEvents.isEmpty()) {
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
