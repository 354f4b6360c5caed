package dev.kassa.messaging.consumer;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * One consumed event.
 *
 * @param key       the record key (the payment order id on payment topics)
 * @param eventId   the event's {@code event_id}
 * @param record    the decoded event; switch on its type ({@code case PaymentOrderSucceeded s -> ...})
 * @param topic     the topic it was read from (a retry topic when it is being retried)
 * @param partition its partition there
 * @param offset    its offset there
 * @param headers   its Kafka headers (the trace context among them)
 */
public record InboundEvent(String key, String eventId, SpecificRecord record, String topic, int partition,
                           long offset, Headers headers) {

    /** An event whose headers do not matter (tests, tools). */
    public InboundEvent(String key, String eventId, SpecificRecord record, String topic, int partition, long offset) {
        this(key, eventId, record, topic, partition, offset, new RecordHeaders());
    }

    /** The record as {@code type}; throws {@link InvalidEventException} if it is another type. */
    public <T extends SpecificRecord> T recordAs(Class<T> type) {
        if (!type.isInstance(record)) {
            throw new InvalidEventException("Expected " + type.getSimpleName() + " but got "
                    + record.getSchema().getName() + " (event " + eventId + ")");
        }
        return type.cast(record);
    }
}
