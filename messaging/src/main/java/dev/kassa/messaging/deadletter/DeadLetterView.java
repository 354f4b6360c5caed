package dev.kassa.messaging.deadletter;

import io.swagger.v3.oas.annotations.media.Schema;
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
        @Schema(nullable = true) String key,
        @Schema(nullable = true) String eventId,
        @Schema(nullable = true) String recordType,
        @Schema(nullable = true) String exceptionClass,
        @Schema(nullable = true) String exceptionMessage,
        @Schema(nullable = true) String originalTopic,
        @Schema(nullable = true) Integer originalPartition,
        @Schema(nullable = true) Long originalOffset,
        int replayCount,
        @Schema(nullable = true) String payload) {
}
