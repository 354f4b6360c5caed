package dev.kassa.messaging.deadletter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Body of {@code POST /admin/dead-letters/replay}. Only {@code topic} is required; without other fields the
 * whole dead-letter topic is selected. One record: {@code partition} + {@code from_offset} = {@code to_offset}.
 * What needs Kafka to check (the topic exists here, the partition exists) {@link DeadLetterService} checks.
 *
 * @param topic      the dead-letter topic, {@code <topic>.<group>.dlt}
 * @param partition  only this partition
 * @param fromOffset first offset (inclusive), in every selected partition
 * @param toOffset   last offset (inclusive)
 * @param eventIds   only records with these event ids
 * @param dryRun     report what would happen, change nothing
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReplayRequest(@NotBlank(message = "is required") String topic,
                            @PositiveOrZero(message = "must not be negative") Integer partition,
                            @PositiveOrZero(message = "must not be negative") Long fromOffset,
                            @PositiveOrZero(message = "must not be negative") Long toOffset,
                            List<@NotBlank(message = "must not contain blank ids") String> eventIds,
                            Boolean dryRun) {

    boolean isDryRun() {
        return Boolean.TRUE.equals(dryRun);
    }
}
