package dev.kassa.messaging.outbox;

import java.util.Map;

/**
 * The trace context of the code that publishes, as Kafka headers (W3C {@code traceparent}...). The outbox
 * stores them with the event and the relay sends them, so that the consumer's trace continues the
 * request that caused the event, not the relay's own thread.
 */
@FunctionalInterface
public interface TraceHeaders {

    /** No tracer: nothing to propagate. */
    TraceHeaders NONE = Map::of;

    Map<String, String> current();
}
