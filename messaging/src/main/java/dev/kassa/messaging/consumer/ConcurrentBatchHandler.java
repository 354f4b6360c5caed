package dev.kassa.messaging.consumer;

import java.util.List;

/**
 * A service's reaction to a whole poll of events that it handles itself, outside the inbox transaction:
 * for work that waits on an outside party (a PSP call), which must hold neither a database transaction nor
 * a pooled connection while it waits. Declared with {@link EventConsumer#concurrent}.
 *
 * <p>The handler opens its own transactions and must be idempotent by state (a guarded update, an
 * idempotency key at the outside party): there is no inbox row, and a crash re-delivers every event whose
 * poll had not finished. It may run the events concurrently but must keep the order of events of one key.
 * It returns only when every event is either done (its effect committed) or listed as failed; the library
 * then sends each failed event to the group's first retry topic, or its dead-letter topic when the cause is
 * an {@link InvalidEventException}, and commits the poll's offsets.
 */
@FunctionalInterface
public interface ConcurrentBatchHandler {

    /**
     * @param events the poll's events, in the order they were read (one event when retried from a retry topic)
     * @return the events that failed, each with its cause; empty when all are done
     */
    List<FailedEvent> handle(List<InboundEvent> events);

    /** An event that the handler could not finish, and why; the cause chooses retry or dead letter. */
    record FailedEvent(InboundEvent event, RuntimeException cause) {
    }
}
