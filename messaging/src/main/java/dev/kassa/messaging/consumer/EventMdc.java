package dev.kassa.messaging.consumer;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.MDC;

/**
 * Puts the ids of the event being handled into the SLF4J MDC, so that every log line of a handler names
 * the payment it is about and logs can follow one payment order across services.
 */
final class EventMdc implements AutoCloseable {

    static final String PAYMENT_ORDER_ID = "payment_order_id";
    static final String EVENT_ID = "event_id";
    static final String EVENT_TYPE = "event_type";
    static final String CONSUMER = "consumer";

    private EventMdc() {
    }

    static EventMdc put(String consumer, String key, String eventId, SpecificRecord record) {
        MDC.put(CONSUMER, consumer);
        MDC.put(PAYMENT_ORDER_ID, paymentOrderId(key, record));
        MDC.put(EVENT_ID, eventId);
        MDC.put(EVENT_TYPE, record.getSchema().getName());
        return new EventMdc();
    }

    /** The record's own payment_order_id where it has one; otherwise the key, which is the same on payment topics. */
    private static String paymentOrderId(String key, SpecificRecord record) {
        Schema.Field field = record.getSchema().getField(PAYMENT_ORDER_ID);
        Object value = field == null ? null : record.get(field.pos());
        return value != null ? value.toString() : key;
    }

    @Override
    public void close() {
        MDC.remove(CONSUMER);
        MDC.remove(PAYMENT_ORDER_ID);
        MDC.remove(EVENT_ID);
        MDC.remove(EVENT_TYPE);
    }
}
