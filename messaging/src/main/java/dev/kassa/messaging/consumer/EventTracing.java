package dev.kassa.messaging.consumer;

import dev.kassa.messaging.outbox.TraceHeaders;
import java.util.Map;

/**
 * Continues each consumed event's trace: its span is a child of the span that published it (the
 * {@code traceparent} header the outbox stored), so one payment stays one trace across services. spring-kafka's
 * listener observation covers record listeners only, and the main topics of batch and concurrent consumers are
 * read by batch listeners ({@link BatchInboxListener}, {@link ConcurrentBatchListener}).
 *
 * <ul>
 *   <li>{@link #continueTrace}: the event's span, current until the scope closes. The library opens one around
 *       each event it handles on its own ({@link InboxListener} where spring-kafka has not,
 *       {@link BatchEventHandler#oneByOne}); a
 *       concurrent handler opens one around the work it does for each event. Inside it, logs carry the event's
 *       trace id and the outbox stores its trace with every event published.</li>
 *   <li>{@link #start}: the event's span, started but not current, for the events of a batch applied together
 *       (none of them can be current); the outbox gives an event published with the consumed event's id as
 *       {@code source_event_id} that event's trace ({@link dev.kassa.messaging.outbox.EventTraces}).</li>
 * </ul>
 */
@FunctionalInterface
public interface EventTracing {

    /** No tracer in the service: nothing to continue. */
    EventTracing NONE = (event, name) -> Scope.NONE;

    /** A scope whose current span is a child of the one that published {@code event} (a new trace if none did). */
    Scope continueTrace(InboundEvent event, String name);

    /**
     * {@link #continueTrace}, unless a span is current already: a record listener's thread has one only when
     * spring-kafka's listener observation (on by default, {@code KassaKafkaDefaults}) made one for this record,
     * which continues the record's trace too; a second span would only cost.
     */
    default Scope continueTraceUnlessObserved(InboundEvent event, String name) {
        return continueTrace(event, name);
    }

    /** The span of {@code event}'s work, started but not current; {@link Trace#end() end} it. */
    default Trace start(InboundEvent event, String name) {
        return Trace.NONE;
    }

    /** The span of one event's work; closing it ends the span. */
    @FunctionalInterface
    interface Scope extends AutoCloseable {

        Scope NONE = () -> {
        };

        @Override
        void close();
    }

    /**
     * A started span of one event; as {@link TraceHeaders}, the headers that continue it.
     */
    interface Trace extends TraceHeaders {

        Trace NONE = new Trace() {
            @Override
            public Map<String, String> current() {
                return Map.of();
            }

            @Override
            public Scope enter() {
                return Scope.NONE;
            }

            @Override
            public void end() {
            }
        };

        /** Makes this span current until the scope closes (closing does not end it). */
        Scope enter();

        void end();
    }
}
