package dev.kassa.messaging.deadletter;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One row of the {@code dead_letter_replay} audit as {@code GET /admin/dead-letters/replays} lists it (snake_case
 * JSON): every column of the table, plus {@code skipped}, which the table does not keep but its counts imply.
 * {@code selection}, {@code records} and {@code error} are at most 4,000 characters (a longer one is cut and ends
 * with {@code …[truncated: N characters in all]}): a replay of thousands of records must not blow up the page.
 *
 * @param id            the row's id, the {@code audit_id} the replay answered
 * @param replayedAt    when the replay was recorded
 * @param actor         who replayed ({@code operator:<name>}); null in rows from before actors were recorded
 * @param credential    the visible prefix of the key or token used
 * @param clientAddress where the request came from, as the service saw it
 * @param requestId     the request's {@code X-Request-Id}
 * @param topic         the dead-letter topic ({@code dlt_topic})
 * @param selection     what the request selected: partition, offsets, event ids
 * @param selected      records the selection matched
 * @param replayed      records sent to the group's first retry topic
 * @param parked        records sent to the parking topic
 * @param skipped       the other selected records ({@code selected - replayed - parked})
 * @param result        {@code REPLAYED}, {@code NOTHING_SELECTED} or {@code FAILED}
 * @param records       {@code partition@offset:ACTION[->destination]} per selected record, comma-separated
 * @param error         why a {@code FAILED} replay failed
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReplayAuditView(
        long id,
        Instant replayedAt,
        @Schema(nullable = true) String actor,
        @Schema(nullable = true) String credential,
        @Schema(nullable = true) String clientAddress,
        @Schema(nullable = true) String requestId,
        String topic,
        @Schema(nullable = true) String selection,
        int selected,
        int replayed,
        int parked,
        int skipped,
        String result,
        @Schema(nullable = true) String records,
        @Schema(nullable = true) String error) {
}
