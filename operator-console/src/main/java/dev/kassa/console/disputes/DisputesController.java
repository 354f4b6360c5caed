package dev.kassa.console.disputes;

import dev.kassa.console.api.Backend;
import dev.kassa.console.api.KassaApi;
import dev.kassa.console.api.ServiceProblem;
import dev.kassa.web.FieldViolation;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Disputes of succeeded payments (payment-service's {@code /api/v1/disputes}, docs/architecture.md §15), every
 * merchant's: the list, newest first, by status and, within the newest {@value #LISTED_FOR_ORDER}, by payment order;
 * one dispute with its audit records; and the two answers an operator may give on the merchant's behalf, each behind a
 * page that says what it does: evidence (a few of Stripe's evidence fields, submitted now or only staged at the PSP)
 * and accepting the dispute (the money stays with the cardholder). payment-service asks the PSP and records the
 * operator in its audit trail; the console only asks.
 */
@Controller
class DisputesController {

    static final List<String> STATUSES = List.of("NEEDS_RESPONSE", "UNDER_REVIEW", "WON", "LOST", "ACCEPTED");
    /** The evidence fields the form offers, by Stripe's names; the PSP knows more, this console asks for these. */
    static final List<String> EVIDENCE_FIELDS = List.of("customer_communication", "uncategorized_text",
            "shipping_tracking_number", "shipping_carrier");
    private static final int LISTED = 200;
    /** payment-service's largest page: an order's disputes are looked for among the newest this many. */
    static final int LISTED_FOR_ORDER = 500;
    /** {@code evidence[shipping_carrier]} or {@code evidence.shipping_carrier}: a field the service named in the map. */
    private static final Pattern EVIDENCE_FIELD = Pattern.compile("^evidence(?:\\[|\\.)([a-z_]+)");

    private final KassaApi api;
    private final Clock clock = Clock.systemUTC();

    DisputesController(KassaApi api) {
        this.api = api;
    }

    /**
     * Newest first, of one status when given. payment-service has no order filter: with {@code payment_order_id} the
     * newest {@value #LISTED_FOR_ORDER} are read and that order's kept.
     */
    @GetMapping("/disputes")
    String list(@RequestParam(required = false) String status,
                @RequestParam(name = "payment_order_id", required = false) String paymentOrderId, Model model) {
        String orderId = Objects.toString(paymentOrderId, "").strip();
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("status", status);
        query.put("limit", orderId.isEmpty() ? LISTED : LISTED_FOR_ORDER);
        List<Map<String, Object>> disputes = api.list(Backend.PAYMENT, "/api/v1/disputes", query);
        if (!orderId.isEmpty()) {
            disputes = disputes.stream().filter(dispute -> orderId.equals(dispute.get("payment_order_id"))).toList();
        }
        model.addAttribute("disputes", disputes);
        model.addAttribute("deadlines", deadlines(disputes));
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("status", Objects.toString(status, ""));
        model.addAttribute("paymentOrderId", orderId);
        model.addAttribute("listedForOrder", LISTED_FOR_ORDER);
        return "disputes";
    }

    @GetMapping("/disputes/{id}")
    String dispute(@PathVariable String id, Model model) {
        Map<String, Object> dispute = dispute(id);
        model.addAttribute("dispute", dispute);
        model.addAttribute("deadline", EvidenceDeadline.of(dispute, Instant.now(clock)));
        // Its answers as payment-service audited them (who, from where, with which credential); left out when the
        // audit does not answer. Only dispute actions: another resource could have the same id.
        model.addAttribute("audit", KassaApi.optional(() -> api.list(Backend.PAYMENT, "/admin/audit",
                        Map.of("target_id", id))).orElse(List.of()).stream()
                .filter(event -> Objects.toString(event.get("action"), "").startsWith("DISPUTE_")).toList());
        return "dispute";
    }

    /** The evidence form, which says what sending it does; "submit now" is on until the operator unticks it. */
    @GetMapping("/disputes/{id}/evidence")
    String evidenceForm(@PathVariable String id, Model model) {
        return evidenceForm(dispute(id), Map.of("submit", "true"), Map.of(), model);
    }

    /**
     * Sends the fields filled in (an empty one is not sent: the PSP would remove evidence staged under it) and whether
     * to submit them now. A refusal shows the form again as it was typed, with the service's problem detail and the
     * reason beside each field it named.
     */
    @PostMapping("/disputes/{id}/evidence")
    String submitEvidence(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
                          RedirectAttributes redirect) {
        Map<String, String> evidence = new LinkedHashMap<>();
        for (String field : EVIDENCE_FIELDS) {
            String value = form.getOrDefault(field, "").strip();
            if (!value.isEmpty()) {
                evidence.put(field, value);
            }
        }
        boolean submit = "true".equals(form.get("submit"));
        if (evidence.isEmpty()) {
            model.addAttribute("failure", "Nothing sent: fill in at least one field.");
            return evidenceForm(current(id), form, Map.of(), model);
        }
        try {
            Map<String, Object> answered = api.post(Backend.PAYMENT, "/api/v1/disputes/{id}/evidence",
                    Map.of("evidence", evidence, "submit", submit), id);
            redirect.addFlashAttribute("notice", "Evidence for dispute " + id + (submit
                    ? " submitted to the PSP on the merchant's behalf"
                    : " staged at the PSP, not submitted yet") + ": the dispute is " + answered.get("status") + ".");
            return "redirect:/disputes/{id}";
        } catch (ServiceProblem problem) {
            model.addAttribute("failure", "Not sent: " + problem.detail());
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldViolation error : problem.errors()) {
                Matcher evidenceField = EVIDENCE_FIELD.matcher(error.field());
                String field = evidenceField.find() && EVIDENCE_FIELDS.contains(evidenceField.group(1))
                        ? evidenceField.group(1) : error.field();
                errors.merge(field, error.reason(), (first, more) -> first + "; " + more);
            }
            return evidenceForm(current(id), form, errors, model);
        }
    }

    @GetMapping("/disputes/{id}/accept")
    String confirmAccept(@PathVariable String id, Model model) {
        model.addAttribute("dispute", dispute(id));
        return "accept-dispute";
    }

    @PostMapping("/disputes/{id}/accept")
    String accept(@PathVariable String id, RedirectAttributes redirect) {
        try {
            Map<String, Object> accepted = api.post(Backend.PAYMENT, "/api/v1/disputes/{id}/accept", Map.of(), id);
            redirect.addFlashAttribute("notice", "Dispute " + id + " accepted on the merchant's behalf: it is "
                    + accepted.get("status") + ", and " + accepted.get("amount") + " " + accepted.get("currency")
                    + " stays with the cardholder.");
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("failure", "Not accepted: " + problem.detail());
        }
        return "redirect:/disputes/{id}";
    }

    private String evidenceForm(Map<String, Object> dispute, Map<String, String> form, Map<String, String> errors,
                                Model model) {
        model.addAttribute("dispute", dispute);
        model.addAttribute("deadline", EvidenceDeadline.of(dispute, Instant.now(clock)));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("fields", EVIDENCE_FIELDS);
        return "dispute-evidence";
    }

    private Map<String, Object> dispute(String id) {
        return api.get(Backend.PAYMENT, "/api/v1/disputes/{id}", Map.of(), id);
    }

    /**
     * The dispute as it is now, for the form shown again after a refusal (it may have been answered meanwhile); only
     * its id when payment-service does not answer, so that what was typed is not lost with the page.
     */
    private Map<String, Object> current(String id) {
        return KassaApi.optional(() -> dispute(id)).orElseGet(() -> {
            Map<String, Object> unknown = new HashMap<>();
            unknown.put("dispute_id", id);
            return unknown;
        });
    }

    private Map<String, EvidenceDeadline> deadlines(List<Map<String, Object>> disputes) {
        Instant now = Instant.now(clock);
        Map<String, EvidenceDeadline> deadlines = new HashMap<>();
        for (Map<String, Object> dispute : disputes) {
            EvidenceDeadline deadline = EvidenceDeadline.of(dispute, now);
            if (deadline != null) {
                deadlines.put(Objects.toString(dispute.get("dispute_id")), deadline);
            }
        }
        return deadlines;
    }
}
