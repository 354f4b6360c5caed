package dev.kassa.messaging.deadletter;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Answer of {@code POST /admin/dead-letters/replay}.
 *
 * @param auditId  the {@code dead_letter_replay} row (null for a dry run, which is not audited)
 * @param selected records the selection matched
 * @param replayed records sent back to their original topic
 * @param parked   records sent to the parking topic because they were replayed too often
 * @param skipped  records left alone (older copy of a newer dead letter, or no original topic)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReplayResult(@Schema(nullable = true) Long auditId, String topic, boolean dryRun, int selected, int replayed, int parked,
                           int skipped, List<Item> records) {

    /** What happens to one record. */
    public enum Action { REPLAY, PARK, SKIP }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Item(int partition, long offset, @Schema(nullable = true) String key, @Schema(nullable = true) String eventId, Action action, @Schema(nullable = true) String destination,
                       int replayCount, @Schema(nullable = true) String reason) {
    }
}
