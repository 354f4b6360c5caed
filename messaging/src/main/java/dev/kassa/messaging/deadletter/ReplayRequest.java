package dev.kassa.messaging.deadletter;

import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Body of {@code POST /admin/dead-letters/replay}. Only {@code topic} is required; without other fields the
 * whole dead-letter topic is selected. One record: {@code partition} + {@code from_offset} = {@code to_offset}.
 *
 * @param topic      the dead-letter topic, {@code <topic>.<group>.dlt}
 * @param partition  only this partition
 * @param fromOffset first offset (inclusive), in every selected partition
 * @param toOffset   last offset (inclusive)
 * @param eventIds   only records with these event ids
 * @param dryRun     report what would happen, change nothing
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReplayRequest(String topic, Integer partition, Long fromOffset, Long toOffset, List<String> eventIds,
                            Boolean dryRun) {

    boolean isDryRun() {
        return Boolean.TRUE.equals(dryRun);
    }
}
