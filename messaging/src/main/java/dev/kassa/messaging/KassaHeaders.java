package dev.kassa.messaging;

/** Kafka record headers that Kassa itself writes and reads. Values are UTF-8 strings. */
public final class KassaHeaders {

    /** The outbox row id, equal to the record's {@code event_id}: lets tools find an event without decoding it. */
    public static final String EVENT_ID = "event-id";

    /** The record's Avro full name, e.g. {@code dev.kassa.schemas.event.PaymentOrderSucceeded}. */
    public static final String EVENT_TYPE = "event-type";

    /** How often an operator replayed this record from a dead-letter topic. */
    public static final String REPLAY_COUNT = "kassa-replay-count";

    /**
     * Class of the innermost cause of a dead letter's failure (spring-kafka's own headers name the outer two,
     * e.g. {@code DeserializationException} around the {@code UndecodableRecordException} that matters).
     */
    public static final String EXCEPTION_ROOT_CAUSE = "kassa-exception-root-cause";

    /** Message of that innermost cause. */
    public static final String EXCEPTION_ROOT_MESSAGE = "kassa-exception-root-message";

    private KassaHeaders() {
    }
}
