package dev.kassa.messaging.deadletter;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator endpoints for dead letters (runbook: messaging/README.md). Everything sits under
 * {@code /admin/} so that one security rule can protect it.
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
                                     @RequestParam(name = "from_offset", required = false) Long fromOffset,
                                     @RequestParam(required = false) Integer partition) {
        return deadLetters.list(topic, partition, fromOffset, limit);
    }

    @PostMapping("/replay")
    public ReplayResult replay(@RequestBody ReplayRequest request) {
        return deadLetters.replay(request);
    }
}
