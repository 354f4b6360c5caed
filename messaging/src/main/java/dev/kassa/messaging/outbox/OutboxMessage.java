package dev.kassa.messaging.outbox;

import java.util.Map;
import java.util.UUID;

/** One unsent outbox row as the relay sends it; {@code headers} are the publisher's trace headers. */
record OutboxMessage(long seq, UUID id, String topic, String key, byte[] payload, String eventType,
                     Map<String, String> headers) {
}
