package dev.kassa.messaging.deadletter;

import java.time.Instant;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A dead letter as {@code GET /admin/dead-letters} lists it (snake_case JSON). */
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
        int replayCount) {
}
