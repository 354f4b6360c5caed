package dev.kassa.messaging.config;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes values that are already bytes: the outbox payload, a replayed dead letter, or a received record
 * on its way to a retry or dead-letter topic. Passing the original bytes on, instead of re-encoding the
 * decoded record, keeps a record written with an older schema version byte for byte as it was.
 */
public class RawValueSerializer implements Serializer<Object> {

    @Override
    public byte[] serialize(String topic, Object value) {
        return switch (value) {
            case null -> null;
            case byte[] bytes -> bytes;
            case RawBytes raw -> raw.bytes();
            default -> throw new SerializationException("Only byte[] or RawBytes can be sent raw to "
                    + topic + ", not " + value.getClass().getName());
        };
    }
}
