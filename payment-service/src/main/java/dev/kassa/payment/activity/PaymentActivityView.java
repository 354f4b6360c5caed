package dev.kassa.payment.activity;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code GET /admin/payments/activity}: orders that reached SUCCEEDED or FAILED in [since, until), in total and per
 * minute; only minutes with any outcome are listed, oldest first.
 */
@JsonNaming(SnakeCaseStrategy.class)
record PaymentActivityView(Instant since, Instant until, long succeeded, long failed, List<Minute> minutes) {

    /** One minute (its start, UTC) and what happened in it. */
    @JsonNaming(SnakeCaseStrategy.class)
    @Schema(name = "ActivityMinute")
    record Minute(@Schema(description = "The minute's start, UTC") Instant minute, long succeeded, long failed) {
    }

    static PaymentActivityView of(Instant since, Instant until, List<Minute> minutes) {
        return new PaymentActivityView(since, until, minutes.stream().mapToLong(Minute::succeeded).sum(),
                minutes.stream().mapToLong(Minute::failed).sum(), minutes);
    }
}
