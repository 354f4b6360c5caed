package dev.kassa.console.deadletters;

import dev.kassa.console.api.Backend;
import dev.kassa.console.api.Backends;
import dev.kassa.console.api.KassaApi;
import dev.kassa.console.api.ServiceProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Dead letters of every consuming service (each service's {@code /admin/dead-letters}): its dead-letter and parking
 * topics, a topic's records with their error, where they came from and what they carry, replay of one record
 * first as a dry run that shows what would happen, then for real (audited by the service under the operator's name),
 * and the service's latest replays from that audit.
 */
@Controller
class DeadLettersController {

    private static final int LISTED = 50;

    private final KassaApi api;

    DeadLettersController(KassaApi api) {
        this.api = api;
    }

    @GetMapping("/dead-letters")
    String list(@RequestParam(required = false) String service, @RequestParam(required = false) String topic,
                Model model) {
        Map<String, Object> topics = new LinkedHashMap<>();
        for (Backend backend : Backends.consumers()) {
            topics.put(backend.displayName(), KassaApi.optional(() -> api.strings(backend,
                    "/admin/dead-letters/topics")).orElse(List.of()));
        }
        model.addAttribute("topics", topics);
        if (service != null && topic != null) {
            model.addAttribute("service", service);
            model.addAttribute("topic", topic);
            model.addAttribute("records", api.list(Backends.named(service), "/admin/dead-letters",
                    Map.of("topic", topic, "limit", LISTED)));
            model.addAttribute("replays", api.list(Backends.named(service), "/admin/dead-letters/replays",
                    Map.of("limit", 20)));
        }
        return "dead-letters";
    }

    /** The dry run: what a replay of these offsets would do, with the button that does it. */
    @GetMapping("/dead-letters/replay")
    String confirm(@RequestParam String service, @RequestParam String topic, @RequestParam int partition,
                   @RequestParam("from_offset") long fromOffset, @RequestParam("to_offset") long toOffset, Model model) {
        model.addAttribute("service", service);
        model.addAttribute("dryRun", api.post(Backends.named(service), "/admin/dead-letters/replay",
                selection(topic, partition, fromOffset, toOffset, true)));
        model.addAttribute("partition", partition);
        model.addAttribute("fromOffset", fromOffset);
        model.addAttribute("toOffset", toOffset);
        return "replay";
    }

    @PostMapping("/dead-letters/replay")
    String replay(@RequestParam String service, @RequestParam String topic, @RequestParam int partition,
                  @RequestParam("from_offset") long fromOffset, @RequestParam("to_offset") long toOffset,
                  RedirectAttributes redirect) {
        try {
            Map<String, Object> result = api.post(Backends.named(service), "/admin/dead-letters/replay",
                    selection(topic, partition, fromOffset, toOffset, false));
            redirect.addFlashAttribute("notice", "Replayed " + result.get("replayed") + ", parked "
                    + result.get("parked") + ", skipped " + result.get("skipped") + " (audit record "
                    + result.get("audit_id") + ").");
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("failure", "Not replayed: " + problem.detail());
        }
        redirect.addAttribute("service", service);
        redirect.addAttribute("topic", topic);
        return "redirect:/dead-letters";
    }

    private static Map<String, Object> selection(String topic, int partition, long fromOffset, long toOffset,
                                                 boolean dryRun) {
        return Map.of("topic", topic, "partition", partition, "from_offset", fromOffset, "to_offset", toOffset,
                "dry_run", dryRun);
    }
}
