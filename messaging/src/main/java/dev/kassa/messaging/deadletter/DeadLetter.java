package dev.kassa.messaging.deadletter;

import dev.kassa.messaging.KassaHeaders;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.support.KafkaHeaders;

/** One record read from a dead-letter topic, with the headers spring-kafka and the relay put on it. */
record DeadLetter(String topic, int partition, long offset, Instant timestamp, String key, byte[] value,
                  List<Header> headers) {

    String originalTopic() {
        return text(KafkaHeaders.ORIGINAL_TOPIC);
    }

    Integer originalPartition() {
        byte[] bytes = bytes(KafkaHeaders.ORIGINAL_PARTITION);
        return bytes != null && bytes.length == Integer.BYTES ? ByteBuffer.wrap(bytes).getInt() : null;
    }

    Long originalOffset() {
        byte[] bytes = bytes(KafkaHeaders.ORIGINAL_OFFSET);
        return bytes != null && bytes.length == Long.BYTES ? ByteBuffer.wrap(bytes).getLong() : null;
    }

    /** The innermost cause's class; spring-kafka's headers (outer exceptions) for records dead-lettered elsewhere. */
    String exceptionClass() {
        return firstOf(KassaHeaders.EXCEPTION_ROOT_CAUSE, KafkaHeaders.EXCEPTION_CAUSE_FQCN, KafkaHeaders.EXCEPTION_FQCN);
    }

    String exceptionMessage() {
        return firstOf(KassaHeaders.EXCEPTION_ROOT_MESSAGE, KafkaHeaders.EXCEPTION_MESSAGE);
    }

    private String firstOf(String... headerNames) {
        for (String name : headerNames) {
            String value = text(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    int replayCount() {
        String count = text(KassaHeaders.REPLAY_COUNT);
        try {
            return count == null ? 0 : Integer.parseInt(count.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    String text(String header) {
        byte[] bytes = bytes(header);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** The last value of a header (spring-kafka may add one per hop). */
    byte[] bytes(String header) {
        for (int i = headers.size() - 1; i >= 0; i--) {
            if (headers.get(i).key().equals(header)) {
                return headers.get(i).value();
            }
        }
        return null;
    }
}
