package dev.kassa.messaging.outbox;

import java.util.UUID;

/** One unsent outbox row as the relay sends it. */
record OutboxMessage(long seq, UUID id, String topic, String key, byte[] payload, String eventType) {
}
