package dev.kassa.messaging.consumer;

import dev.kassa.messaging.config.RawBytes;
import org.apache.avro.specific.SpecificRecord;

/**
 * A consumed value: the decoded event and the exact bytes it came from, so that retry and dead-letter
 * topics (and replays) carry the original bytes.
 */
public record ReceivedValue(byte[] bytes, SpecificRecord record) implements RawBytes {
}
