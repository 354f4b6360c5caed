package dev.kassa.messaging.outbox;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one way a service publishes an event: {@link #publish} writes it to {@code outbox_message} in the
 * caller's database transaction, so the event exists exactly when the change it announces commits. The
 * {@link OutboxRelay} sends it to Kafka afterwards (at least once, in order per key).
 *
 * <p>The rows of one transaction are inserted together, in publish order, by one statement just before it
 * commits: a consumer that applies a whole batch of events in one transaction pays one round trip for all
 * of their outbox rows. Consequence: a rollback to a savepoint (a {@code NESTED} transaction) does not take
 * back an event published before it; no Kassa service uses savepoints.
 *
 * <p>After such a commit the outbox raises its {@link OutboxSignal}, which wakes this process's relay.
 *
 * <p>Each row stores the trace context the event continues (W3C {@code traceparent}), which the relay sends as
 * Kafka headers: see {@link #traceOf}.
 */
public class Outbox {

    static final String EVENT_ID_FIELD = "event_id";

    /** Row order is publish order, so the identity column {@code seq} numbers the events as they were published. */
    private static final String INSERT = """
            INSERT INTO outbox_message (id, topic, message_key, payload, event_type, headers)
            SELECT id, topic, message_key, payload, event_type, headers
            FROM unnest(?::uuid[], ?::text[], ?::text[], ?::bytea[], ?::text[], ?::text[])
                 WITH ORDINALITY AS r(id, topic, message_key, payload, event_type, headers, n)
            ORDER BY n""";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Serializer<SpecificRecord> serializer;
    private final TraceHeaders traceHeaders;
    private final OutboxSignal signal;

    /** An outbox whose commits wake no relay: a relay over its database finds the rows by polling. */
    public Outbox(DataSource dataSource, Serializer<SpecificRecord> serializer) {
        this(dataSource, serializer, TraceHeaders.NONE, new OutboxSignal());
    }

    /**
     * @param signal raised after every commit that wrote outbox rows; share it with the relay of the same
     *               database ({@link OutboxRelay#create(DataSource, DedicatedConnectionFactory,
     *               org.springframework.kafka.core.KafkaOperations, dev.kassa.messaging.config.MessagingProperties.Outbox,
     *               io.micrometer.core.instrument.MeterRegistry, OutboxSignal)})
     */
    public Outbox(DataSource dataSource, Serializer<SpecificRecord> serializer, TraceHeaders traceHeaders,
                  OutboxSignal signal) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.serializer = serializer;
        this.traceHeaders = traceHeaders;
        this.signal = Objects.requireNonNull(signal, "signal");
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
        pendingRows().add(new PendingRow(id, topic, key, payload, record.getSchema().getFullName(),
                HeaderText.format(traceOf(record).current())));
        return id.toString();
    }

    /**
     * The trace an event continues: that of the consumed event it names as its source while a batch is applied
     * ({@link EventTraces}), else the current one (the request's, or the consumed event's in its own scope).
     */
    private TraceHeaders traceOf(SpecificRecord record) {
        TraceHeaders cause = EventTraces.causeOf(record);
        return cause != null ? cause : traceHeaders;
    }

    /** The rows this transaction has published so far; the first publish registers their insert before commit. */
    private List<PendingRow> pendingRows() {
        // Keyed by the transaction's connection: an inner REQUIRES_NEW transaction gets its own list.
        Object connection = TransactionSynchronizationManager.getResource(dataSource);
        @SuppressWarnings("unchecked")
        List<PendingRow> rows = (List<PendingRow>) TransactionSynchronizationManager.getResource(connection);
        if (rows == null) {
            List<PendingRow> newRows = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(connection, newRows);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                private boolean inserted;

                @Override
                public void beforeCommit(boolean readOnly) {
                    inserted = insert(newRows);
                }

                @Override
                public void afterCommit() {
                    // Only now are the rows visible to the relay's transaction.
                    if (inserted) {
                        signal.raise();
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(connection);
                }
            });
            rows = newRows;
        }
        return rows;
    }

    /** @return whether any row was inserted */
    private boolean insert(List<PendingRow> rows) {
        if (rows.isEmpty()) {
            return false;
        }
        int n = rows.size();
        UUID[] ids = new UUID[n];
        String[] topics = new String[n];
        String[] keys = new String[n];
        byte[][] payloads = new byte[n][];
        String[] types = new String[n];
        String[] headers = new String[n];
        for (int i = 0; i < n; i++) {
            PendingRow row = rows.get(i);
            ids[i] = row.id();
            topics[i] = row.topic();
            keys[i] = row.key();
            payloads[i] = row.payload();
            types[i] = row.eventType();
            headers[i] = row.headers();
        }
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(INSERT);
            statement.setArray(1, connection.createArrayOf("uuid", ids));
            statement.setArray(2, connection.createArrayOf("text", topics));
            statement.setArray(3, connection.createArrayOf("text", keys));
            statement.setObject(4, payloads);
            statement.setArray(5, connection.createArrayOf("text", types));
            statement.setArray(6, connection.createArrayOf("text", headers));
            return statement;
        });
        rows.clear();
        return true;
    }

    private record PendingRow(UUID id, String topic, String key, byte[] payload, String eventType, String headers) {
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
