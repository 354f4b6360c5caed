package dev.kassa.console.risk;

import dev.kassa.console.api.Backend;
import dev.kassa.console.api.KassaApi;
import dev.kassa.console.api.ServiceProblem;
import dev.kassa.web.FieldViolation;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The risk check's blocks (payment-service's {@code /admin/risk/blocks}, docs/architecture.md §14): the velocity
 * rules' blocks and the block list, active ones by default, filtered by kind and subject; one block with its audit
 * records; lifting a block behind a confirmation page that asks why; and adding a token, buyer or address to the block
 * list on a form that says what it does. payment-service performs both and records the operator, the reason and the
 * change in its audit trail; the console only asks.
 */
@Controller
class RiskController {

    static final List<String> KINDS = List.of("token", "buyer", "address");
    private static final int LISTED = 200;

    private final KassaApi api;

    RiskController(KassaApi api) {
        this.api = api;
    }

    /** Active blocks, newest first; {@code all}: lifted and expired ones too. */
    @GetMapping("/risk")
    String list(@RequestParam(required = false) String kind, @RequestParam(required = false) String subject,
                @RequestParam(defaultValue = "false") boolean all, Model model) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("kind", kind);
        query.put("subject", subject);
        query.put("active", !all);
        query.put("limit", LISTED);
        model.addAttribute("blocks", api.list(Backend.PAYMENT, "/admin/risk/blocks", query));
        model.addAttribute("kinds", KINDS);
        model.addAttribute("kind", Objects.toString(kind, ""));
        model.addAttribute("subject", Objects.toString(subject, ""));
        model.addAttribute("all", all);
        return "risk";
    }

    @GetMapping("/risk/blocks/{id}")
    String block(@PathVariable long id, Model model) {
        model.addAttribute("block", block(id));
        // Its additions and lifts as payment-service audited them (who, from where, with which credential); left out
        // when the audit does not answer. Only risk actions: another resource's id could be the same number.
        model.addAttribute("audit", KassaApi.optional(() -> api.list(Backend.PAYMENT, "/admin/audit",
                        Map.of("target_id", id))).orElse(List.of()).stream()
                .filter(event -> Objects.toString(event.get("action"), "").startsWith("RISK_")).toList());
        return "risk-block";
    }

    @GetMapping("/risk/blocks/{id}/lift")
    String confirmLift(@PathVariable long id, Model model) {
        model.addAttribute("block", block(id));
        return "lift-block";
    }

    @PostMapping("/risk/blocks/{id}/lift")
    String lift(@PathVariable long id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        if (reason.isBlank()) {
            redirect.addFlashAttribute("failure", "Not lifted: say why (the reason is kept with the block).");
            return "redirect:/risk/blocks/{id}/lift";
        }
        try {
            Map<String, Object> lifted = api.post(Backend.PAYMENT, "/admin/risk/blocks/{id}/lift",
                    Map.of("reason", reason.strip()), id);
            redirect.addFlashAttribute("notice", "Block " + id + " lifted: the risk check no longer stops "
                    + lifted.get("kind") + " " + lifted.get("subject") + " by it.");
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("failure", "Not lifted: " + problem.detail());
        }
        return "redirect:/risk/blocks/{id}";
    }

    /** The block-list form; {@code kind}, {@code value} and {@code merchant_id} may come filled in by a link. */
    @GetMapping("/risk/blocks/new")
    String newBlock(@RequestParam Map<String, String> form, Model model) {
        return blockForm(form, Map.of(), model);
    }

    /**
     * Adds to the block list. A refusal shows the form again, as it was typed, with the service's problem detail and
     * the reason beside each field it named.
     */
    @PostMapping("/risk/blocks")
    String add(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        String kind = form.getOrDefault("kind", "").strip();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("value", form.getOrDefault("value", "").strip());
        String merchantId = form.getOrDefault("merchant_id", "").strip();
        if ("buyer".equals(kind) && !merchantId.isEmpty()) {
            // Only a buyer has a merchant (buyer ids are each merchant's own): payment-service refuses one for a token
            // or an address, which a form with the field filled in by mistake should not cause.
            body.put("merchant_id", merchantId);
        }
        body.put("reason", form.getOrDefault("reason", "").strip());
        String expiresAt = instant(form.get("expires_at"));
        if (expiresAt != null) {
            body.put("expires_at", expiresAt);
        }
        try {
            Map<String, Object> block = api.post(Backend.PAYMENT, "/admin/risk/blocks", body);
            redirect.addFlashAttribute("notice", "Block " + block.get("block_id") + " added: the risk check stops "
                    + block.get("kind") + " " + block.get("subject") + (block.get("expires_at") == null
                    ? " until it is lifted." : " until " + block.get("expires_at") + "."));
            return "redirect:/risk/blocks/" + block.get("block_id");
        } catch (ServiceProblem problem) {
            model.addAttribute("failure", "Not blocked: " + problem.detail());
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldViolation error : problem.errors()) {
                errors.merge(error.field(), error.reason(), (first, more) -> first + "; " + more);
            }
            return blockForm(form, errors, model);
        }
    }

    private String blockForm(Map<String, String> form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", KINDS);
        return "new-block";
    }

    private Map<String, Object> block(long id) {
        return api.get(Backend.PAYMENT, "/admin/risk/blocks/{id}", Map.of(), id);
    }

    /**
     * The form's expiry, a UTC date and time ({@code 2026-12-31T00:00}, as a datetime-local field sends it), as the
     * instant the API takes; blank is none, anything else is passed on for the service to judge.
     */
    private static String instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC).toString();
        } catch (DateTimeParseException e) {
            return value.strip();
        }
    }
}
