package dev.kassa.messaging.consumer;

/**
 * A service's reaction to one event. It runs inside ONE database transaction together with the inbox
 * insert, and only for an event this consumer group has not handled before.
 *
 * <ul>
 *   <li>Return normally: the effect and the inbox row commit, the record is acknowledged.</li>
 *   <li>Throw {@link InvalidEventException} for content that can never be handled (missing or impossible
 *       values): the transaction rolls back and the record goes straight to the group's dead-letter topic.</li>
 *   <li>Throw anything else (a PSP timeout, a lock timeout, ...): the transaction rolls back and the record
 *       is retried through the group's retry topics, then dead-lettered.</li>
 * </ul>
 * Retried records lose their order: check state, never arrival order.
 */
@FunctionalInterface
public interface EventHandler {

    void handle(InboundEvent event);
}
