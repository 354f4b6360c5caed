package dev.kassa.messaging.deadletter;

import dev.kassa.web.RequestLimits;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator endpoints for dead letters (runbook: messaging/README.md). Everything sits under
 * {@code /admin/} so that one security rule can protect it. Errors are answered by the service's shared
 * problem-details advice (web module), in the same shape as the service's own API.
 */
@RestController
@RequestMapping(DeadLetterController.PATH)
@Tag(name = "Dead letters", description = "Records a consumer could not apply, and their replay (operators: OPERATOR"
        + " replays, every operator role reads; messaging/README.md is the runbook)")
public class DeadLetterController {

    public static final String PATH = "/admin/dead-letters";
    /** {@code GET /admin/dead-letters/replays}: rows per page by default, and at most. */
    static final int DEFAULT_REPLAYS = 50;
    static final int MAX_REPLAYS = 500;

    private final DeadLetterService deadLetters;

    DeadLetterController(DeadLetterService deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** This service's dead-letter topics (one per consumer group and topic) and their parking topics. */
    @GetMapping("/topics")
    @Operation(summary = "This service's dead-letter and parking topics")
    public List<String> topics() {
        return deadLetters.topics();
    }

    @GetMapping
    @Operation(summary = "Dead letters of one topic, oldest first",
            description = "At most `limit` records from `from_offset` (of `partition`, or of every partition).")
    public List<DeadLetterView> list(@RequestParam String topic,
                                     @RequestParam(defaultValue = "50") int limit,
                                     @RequestParam(name = "from_offset", required = false)
                                     @PositiveOrZero(message = "must not be negative") Long fromOffset,
                                     @RequestParam(required = false)
                                     @PositiveOrZero(message = "must not be negative") Integer partition) {
        return deadLetters.list(topic, partition, fromOffset, limit);
    }

    /**
     * The replay audit ({@code dead_letter_replay}), newest first. {@code limit} is taken as text so that a bad one
     * is the house 400 naming it ({@link RequestLimits}).
     */
    @GetMapping("/replays")
    @Operation(summary = "The replay audit, newest first")
    public List<ReplayAuditView> replays(@RequestParam(required = false) String limit) {
        return deadLetters.replays(RequestLimits.within("limit", limit, DEFAULT_REPLAYS, 1, MAX_REPLAYS));
    }

    @PostMapping(path = "/replay", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replay dead letters to the group's first retry topic",
            description = "Records replayed too often go to the parking topic instead; `dry_run` shows what would"
                    + " happen. Every replay is audited (who, from where, what).")
    public ReplayResult replay(@Valid @RequestBody ReplayRequest request) {
        return deadLetters.replay(request);
    }
}
