package dev.kassa.messaging.outbox;

import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one way a service publishes an event: {@link #publish} writes it to {@code outbox_message} in the
 * caller's database transaction, so the event exists exactly when the change it announces commits. The
 * {@link OutboxRelay} sends it to Kafka afterwards (at least once, in order per key).
 */
public class Outbox {

    static final String EVENT_ID_FIELD = "event_id";

    private static final String INSERT = """
            INSERT INTO outbox_message (id, topic, message_key, payload, event_type, headers)
            VALUES (?, ?, ?, ?, ?, ?)""";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Serializer<SpecificRecord> serializer;
    private final TraceHeaders traceHeaders;

    public Outbox(DataSource dataSource, Serializer<SpecificRecord> serializer) {
        this(dataSource, serializer, TraceHeaders.NONE);
    }

    public Outbox(DataSource dataSource, Serializer<SpecificRecord> serializer, TraceHeaders traceHeaders) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.serializer = serializer;
        this.traceHeaders = traceHeaders;
    }

    /**
     * Stores {@code record} for {@code topic} under {@code key} (the payment order id on payment topics).
     * Sets the record's {@code event_id} to a new UUID, which is also the outbox row id and the
     * {@code event-id} header.
     *
     * @return the event id
     * @throws IllegalTransactionStateException when no transaction on this service's DataSource is active:
     *         an event written outside the transaction of its change could announce something that never committed
     */
    public String publish(String topic, String key, SpecificRecord record) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(record, "record");
        UUID id = UUID.randomUUID();
        setEventId(record, id.toString());
        byte[] payload = serializer.serialize(topic, record);
        // The DataSource's connection must be bound to an active transaction, or the insert would commit alone.
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.hasResource(dataSource)) {
            throw new IllegalTransactionStateException("Outbox.publish needs the caller's transaction"
                    + " (e.g. @Transactional): the event must commit or roll back with the change it announces");
        }
        jdbc.update(INSERT, id, topic, key, payload, record.getSchema().getFullName(),
                HeaderText.format(traceHeaders.current()));
        return id.toString();
    }

    private static void setEventId(SpecificRecord record, String eventId) {
        Schema.Field field = record.getSchema().getField(EVENT_ID_FIELD);
        if (field == null) {
            throw new IllegalArgumentException(record.getSchema().getFullName() + " has no " + EVENT_ID_FIELD
                    + " field; every Kassa event carries one");
        }
        record.put(field.pos(), eventId);
    }
}
