package dev.kassa.messaging.consumer;

import dev.kassa.messaging.outbox.EventTraces;
import dev.kassa.messaging.outbox.TraceHeaders;
import java.util.List;

/**
 * A service's reaction to a whole batch of events, for a consumer declared
 * {@link EventConsumer#inBatches(BatchEventHandler) in batches} that can apply many events with fewer
 * statements than one by one (e.g. one multi-row upsert).
 *
 * <p>It runs in the batch's ONE database transaction, after the inbox has recorded the batch, and receives
 * only the events this consumer group has not handled before, each once, in the order they were read. Its
 * effect must be exactly that of the consumer's {@link EventHandler} applied to each event in that order:
 * when the batch fails, it rolls back and the events are applied again one by one with that handler.
 */
@FunctionalInterface
public interface BatchEventHandler {

    void handle(List<InboundEvent> events);

    /**
     * The consumer's own handler, called once per event, with the event's ids in the log context and, inside a
     * batch the library applies, the event's trace current (its log lines carry the trace id, what it publishes
     * continues the trace).
     */
    static BatchEventHandler oneByOne(String consumer, EventHandler handler) {
        return events -> {
            for (InboundEvent event : events) {
                try (EventTracing.Scope trace = enter(EventTraces.of(event.eventId()));
                     EventMdc ignored = EventMdc.put(consumer, event.key(), event.eventId(), event.record())) {
                    handler.handle(event);
                }
            }
        };
    }

    private static EventTracing.Scope enter(TraceHeaders trace) {
        // BatchInboxListener binds the events' started spans (EventTracing.Trace) for the batch's handler.
        return trace instanceof EventTracing.Trace started ? started.enter() : EventTracing.Scope.NONE;
    }
}
