package dev.kassa.messaging.consumer;

/**
 * Continues an event's trace where no listener observation does: spring-kafka observes record listeners only,
 * so a handler that takes whole polls ({@link ConcurrentBatchHandler}) opens a scope per event around the work
 * it does for that event. Inside it, logs carry the event's trace id and the outbox stores that trace with
 * every event published, so one payment stays one trace across services.
 */
@FunctionalInterface
public interface EventTracing {

    /** No tracer in the service: nothing to continue. */
    EventTracing NONE = (event, name) -> Scope.NONE;

    /** A scope whose current span is a child of the one that published {@code event} (a new trace if none did). */
    Scope continueTrace(InboundEvent event, String name);

    /** The span of one event's work; closing it ends the span. */
    @FunctionalInterface
    interface Scope extends AutoCloseable {

        Scope NONE = () -> {
        };

        @Override
        void close();
    }
}
