package dev.kassa.messaging.consumer;

import dev.kassa.messaging.KassaHeaders;
import dev.kassa.messaging.inbox.Inbox;
import io.micrometer.core.instrument.Counter;
import java.nio.charset.StandardCharsets;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The listener behind every declared consumer (main and retry topics alike): the inbox insert and the
 * handler in one database transaction; a duplicate is acknowledged and skipped. The event is handled in its
 * own trace ({@link EventTracing#continueTraceUnlessObserved}): its log lines carry the trace id and what it
 * publishes continues that trace.
 */
public final class InboxListener {

    /** The method spring-kafka invokes for each record. */
    static final String METHOD = "onRecord";

    private static final Logger log = LoggerFactory.getLogger(InboxListener.class);

    private final String consumer;
    private final EventHandler handler;
    private final Inbox inbox;
    private final TransactionTemplate transactions;
    private final EventTracing tracing;
    private final String spanName;
    private final Counter processed;
    private final Counter duplicates;

    InboxListener(String consumer, EventHandler handler, Inbox inbox, TransactionTemplate transactions,
                  EventTracing tracing, ConsumerMetrics metrics) {
        this.consumer = consumer;
        this.handler = handler;
        this.inbox = inbox;
        this.transactions = transactions;
        this.tracing = tracing;
        this.spanName = spanName(consumer);
        this.processed = metrics.processed(consumer);
        this.duplicates = metrics.duplicates(consumer);
    }

    public void onRecord(ConsumerRecord<String, ReceivedValue> record) {
        SpecificRecord event = record.value().record();
        String eventId = eventId(record, event);
        InboundEvent inbound = new InboundEvent(record.key(), eventId, event, record.topic(), record.partition(),
                record.offset(), record.headers());
        try (EventTracing.Scope trace = tracing.continueTraceUnlessObserved(inbound, spanName);
             EventMdc ignored = EventMdc.put(consumer, record.key(), eventId, event)) {
            Boolean handled = transactions.execute(status -> {
                if (!inbox.markProcessed(consumer, eventId)) {
                    return false;
                }
                handler.handle(inbound);
                return true;
            });
            if (Boolean.TRUE.equals(handled)) {
                processed.increment();
            } else {
                duplicates.increment();
                log.info("Skipped duplicate event {} ({}) on {}-{}@{}", eventId, event.getSchema().getName(),
                        record.topic(), record.partition(), record.offset());
            }
        }
    }

    /** The name of the span of each event {@code consumer} handles. */
    static String spanName(String consumer) {
        return consumer + " handle";
    }

    /** The record's event_id; the event-id header only for a record that lacks the field. */
    static String eventId(ConsumerRecord<String, ReceivedValue> record, SpecificRecord event) {
        Schema.Field field = event.getSchema().getField("event_id");
        Object value = field == null ? null : event.get(field.pos());
        if (value == null || value.toString().isBlank()) {
            Header header = record.headers().lastHeader(KassaHeaders.EVENT_ID);
            value = header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
        if (value == null || value.toString().isBlank()) {
            throw new InvalidEventException(event.getSchema().getName() + " at " + record.topic() + "-"
                    + record.partition() + "@" + record.offset() + " has no event_id: it cannot be deduplicated");
        }
        return value.toString();
    }
}
