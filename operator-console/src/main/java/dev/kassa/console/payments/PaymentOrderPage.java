package dev.kassa.console.payments;

import dev.kassa.console.api.Backend;
import dev.kassa.console.api.KassaApi;
import dev.kassa.console.api.ServiceProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One payment order: its details, wallet (W) and ledger (L) flags, the attempts the risk check stopped, its disputes
 * when it has one, refunds and its timeline across the services; and the two actions on it, each behind a
 * confirmation page: retry a FAILED order (a new PSP attempt with a new idempotency key) and refund it, fully or in
 * part (not while DISPUTED or once CHARGED_BACK). payment-service performs both and records the operator in its audit
 * trail; the console only asks.
 */
@Controller
class PaymentOrderPage {

    /** The statuses of an order with a dispute: open, or lost or accepted (its money back with the cardholder). */
    static final Set<String> DISPUTED = Set.of("DISPUTED", "CHARGED_BACK");
    static final int DISPUTES_SEARCHED = 500;

    private final KassaApi api;

    PaymentOrderPage(KassaApi api) {
        this.api = api;
    }

    @GetMapping("/payment-orders/{id}")
    String show(@PathVariable String id, Model model) {
        Map<String, Object> order = order(id);
        model.addAttribute("order", order);
        model.addAttribute("timeline", timeline(id, order));
        model.addAttribute("reconciliation", reconciliation(id, order));
        if (DISPUTED.contains(order.get("status"))) {
            model.addAttribute("disputes", disputes(id));
        }
        return "payment-order";
    }

    @GetMapping("/payment-orders/{id}/retry")
    String confirmRetry(@PathVariable String id, Model model) {
        model.addAttribute("order", order(id));
        return "retry";
    }

    @PostMapping("/payment-orders/{id}/retry")
    String retry(@PathVariable String id, RedirectAttributes redirect) {
        try {
            api.post(Backend.PAYMENT, "/api/v1/payment-orders/{id}/retry", Map.of(), id);
            redirect.addFlashAttribute("notice", "Retry started: a new PSP attempt for " + id + ".");
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("failure", "Not retried: " + problem.detail());
        }
        return "redirect:/payment-orders/{id}";
    }

    @GetMapping("/payment-orders/{id}/refund")
    String refundForm(@PathVariable String id, Model model, RedirectAttributes redirect) {
        Map<String, Object> order = order(id);
        if (DISPUTED.contains(order.get("status"))) {
            // payment-service refuses it too: the cardholder has the money back, or may get it through the dispute.
            redirect.addFlashAttribute("failure", "No refund: the order is " + order.get("status")
                    + ", and takes none while a dispute is open or after it was lost.");
            return "redirect:/payment-orders/{id}";
        }
        model.addAttribute("order", order);
        // A new id per form: submitting the same form twice (a double click, a reload) is one refund, not two.
        model.addAttribute("refundId", "rf_" + UUID.randomUUID().toString().replace("-", ""));
        return "refund";
    }

    @PostMapping("/payment-orders/{id}/refund")
    String refund(@PathVariable String id, @RequestParam("refund_id") String refundId,
                  @RequestParam String amount, RedirectAttributes redirect) {
        try {
            Map<String, Object> refund = api.post(Backend.PAYMENT, "/api/v1/payment-orders/{id}/refunds",
                    Map.of("refund_id", refundId, "amount", amount.strip()), id);
            redirect.addFlashAttribute("notice", "Refund " + refund.get("refund_id") + " of " + refund.get("amount")
                    + " " + Objects.toString(refund.get("currency"), "") + " requested: " + refund.get("status") + ".");
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("failure", "Not refunded: " + problem.detail());
        }
        return "redirect:/payment-orders/{id}";
    }

    /**
     * What the reconciliation of the order's day (UTC) says about it: "matched" when the report has no discrepancy for
     * it, else the discrepancies' classes; "not reconciled yet" when that day has no report (or the service does not
     * answer).
     */
    @SuppressWarnings("unchecked")
    private String reconciliation(String id, Map<String, Object> order) {
        String day = Objects.toString(order.get("created_at"), "").substring(0, 10);
        return KassaApi.optional(() -> api.get(Backend.RECONCILIATION, "/api/v1/reconciliations/{date}", Map.of(), day))
                .map(report -> {
                    List<String> classes = ((List<Map<String, Object>>) report.getOrDefault("discrepancies", List.of())).stream()
                            .filter(d -> id.equals(d.get("payment_order_id")))
                            .map(d -> Objects.toString(d.get("type"))).toList();
                    return classes.isEmpty() ? "matched in the report of " + day + " (" + report.get("status") + ")"
                            : String.join(", ", classes) + " in the report of " + day;
                })
                .orElse("not reconciled yet (no report of " + day + ")");
    }

    /**
     * The order's disputes, for an order that has one ({@code DISPUTED} or {@code CHARGED_BACK}): payment-service
     * lists disputes by status, not by order, so its newest {@value #DISPUTES_SEARCHED} are read and this order's kept.
     * Null when it does not answer (the page links to the Disputes page's search instead).
     */
    private List<Map<String, Object>> disputes(String id) {
        return KassaApi.optional(() -> api.list(Backend.PAYMENT, "/api/v1/disputes",
                        Map.of("limit", DISPUTES_SEARCHED)))
                .map(disputes -> disputes.stream().filter(dispute -> id.equals(dispute.get("payment_order_id")))
                        .toList())
                .orElse(null);
    }

    private Map<String, Object> order(String id) {
        return api.get(Backend.PAYMENT, "/api/v1/payment-orders/{id}", Map.of(), id);
    }

    /**
     * Each service's records of this order. A service that does not answer leaves its part out rather than the page:
     * the rest of the story is still worth reading.
     */
    @SuppressWarnings("unchecked")
    private List<TimelineEntry> timeline(String id, Map<String, Object> order) {
        List<Map<String, Object>> history = (List<Map<String, Object>>) api
                .get(Backend.PAYMENT, "/api/v1/payment-orders/{id}/history", Map.of(), id).get("entries");
        List<Map<String, Object>> audit = new ArrayList<>();
        audit.addAll(orEmpty(() -> api.list(Backend.PAYMENT, "/admin/audit", Map.of("target_id", id))));
        for (Object refund : (List<Object>) order.getOrDefault("refunds", List.of())) {
            Object refundId = ((Map<String, Object>) refund).get("refund_id");
            audit.addAll(orEmpty(() -> api.list(Backend.PAYMENT, "/admin/audit", Map.of("target_id", refundId))));
        }
        String seller = Objects.toString(order.get("seller_account"));
        List<Map<String, Object>> movements = orEmpty(() -> ((List<Map<String, Object>>) api.get(Backend.WALLET,
                "/api/v1/wallets/{seller}/movements", Map.of("limit", 200), seller).get("movements")))
                .stream().filter(movement -> id.equals(movement.get("payment_order_id"))).toList();
        List<Map<String, Object>> entries = orEmpty(() -> (List<Map<String, Object>>) api.get(Backend.LEDGER,
                "/api/v1/ledger/entries", Map.of("payment_order_id", id)).get("entries"));
        List<Map<String, Object>> riskDecisions = (List<Map<String, Object>>) Objects.requireNonNullElse(
                order.get("risk_decisions"), List.of());
        return PaymentTimeline.of(id, history, riskDecisions, audit, movements, entries);
    }

    private static List<Map<String, Object>> orEmpty(Supplier<List<Map<String, Object>>> part) {
        return KassaApi.optional(part).orElse(List.of());
    }
}
