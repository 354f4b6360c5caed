package dev.kassa.messaging.deadletter;

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
public class DeadLetterController {

    public static final String PATH = "/admin/dead-letters";

    private final DeadLetterService deadLetters;

    DeadLetterController(DeadLetterService deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** This service's dead-letter topics (one per consumer group and topic) and their parking topics. */
    @GetMapping("/topics")
    public List<String> topics() {
        return deadLetters.topics();
    }

    @GetMapping
    public List<DeadLetterView> list(@RequestParam String topic,
                                     @RequestParam(defaultValue = "50") int limit,
                                     @RequestParam(name = "from_offset", required = false)
                                     @PositiveOrZero(message = "must not be negative") Long fromOffset,
                                     @RequestParam(required = false)
                                     @PositiveOrZero(message = "must not be negative") Integer partition) {
        return deadLetters.list(topic, partition, fromOffset, limit);
    }

    @PostMapping(path = "/replay", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ReplayResult replay(@Valid @RequestBody ReplayRequest request) {
        return deadLetters.replay(request);
    }
}
