package dev.kassa.messaging.outbox;

import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.jspecify.annotations.Nullable;

/**
 * The trace of each consumed event while a consumer applies a whole batch of them in one transaction.
 *
 * <p>A batch handler applies its events together (one statement for all of them), so no single event's trace is
 * current when it publishes what they caused. An event published with a {@code source_event_id} that names one
 * of the batch's events (wallet-service's and ledger-service's events do) is therefore stored with THAT event's
 * trace, not with whatever is current; every other event takes the current trace ({@link TraceHeaders}). The
 * messaging library binds the traces to the consumer's thread for the batch's handler
 * ({@code BatchInboxListener}); a lookup is one field read and one hash lookup, no statement.
 */
public final class EventTraces {

    static final String SOURCE_EVENT_ID_FIELD = "source_event_id";

    private static final ThreadLocal<Map<String, ? extends TraceHeaders>> BOUND = new ThreadLocal<>();

    private EventTraces() {
    }

    /**
     * Makes {@code traceByEventId} the traces of the events this thread is applying, until the binding closes.
     * Bindings do not nest: a batch binds its events once.
     */
    public static Binding bind(Map<String, ? extends TraceHeaders> traceByEventId) {
        BOUND.set(traceByEventId);
        return BOUND::remove;
    }

    /** The trace of consumed event {@code eventId} in the batch this thread is applying, or null. */
    public static @Nullable TraceHeaders of(String eventId) {
        Map<String, ? extends TraceHeaders> bound = BOUND.get();
        return bound == null ? null : bound.get(eventId);
    }

    /** The trace of the consumed event that {@code record} names as its {@code source_event_id}, or null. */
    static @Nullable TraceHeaders causeOf(SpecificRecord record) {
        Map<String, ? extends TraceHeaders> bound = BOUND.get();
        if (bound == null) {
            return null;
        }
        Schema.Field field = record.getSchema().getField(SOURCE_EVENT_ID_FIELD);
        Object source = field == null ? null : record.get(field.pos());
        return source == null ? null : bound.get(source.toString());
    }

    /** Ends a {@link #bind binding}. */
    @FunctionalInterface
    public interface Binding extends AutoCloseable {

        @Override
        void close();
    }
}
