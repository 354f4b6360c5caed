package dev.kassa.messaging.deadletter;

import java.time.Instant;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A dead letter as {@code GET /admin/dead-letters} lists it (snake_case JSON).
 *
 * @param payload the value decoded and rendered as JSON text, at most 4,000 characters (a longer one is cut and
 *                ends with {@code …[truncated: N characters in all]}); {@code null} when the bytes are no Kassa event
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DeadLetterView(
        String topic,
        int partition,
        long offset,
        Instant timestamp,
        String key,
        String eventId,
        String recordType,
        String exceptionClass,
        String exceptionMessage,
        String originalTopic,
        Integer originalPartition,
        Long originalOffset,
        int replayCount,
        String payload) {
}
