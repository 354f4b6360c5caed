package dev.kassa.console.reconciliation;

import dev.kassa.console.api.Backend;
import dev.kassa.console.api.KassaApi;
import dev.kassa.console.api.ServiceProblem;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Reconciliation reports by day (reconciliation-service): totals per currency, the PSP's against ours; discrepancies
 * grouped by class with what each means and what to do; the report as CSV; and a run on demand (FINANCE), recorded by
 * the service under the operator's name.
 */
@Controller
class ReconciliationController {

    private final KassaApi api;

    ReconciliationController(KassaApi api) {
        this.api = api;
    }

    @GetMapping("/reconciliation")
    String list(Model model) {
        model.addAttribute("reports", api.get(Backend.RECONCILIATION, "/api/v1/reconciliations",
                Map.of("limit", 31)).get("reconciliations"));
        model.addAttribute("today", LocalDate.now(ZoneOffset.UTC).toString());
        return "reconciliation";
    }

    @PostMapping("/reconciliation/run")
    String run(@RequestParam String date, RedirectAttributes redirect) {
        try {
            Map<String, Object> report = api.post(Backend.RECONCILIATION, "/api/v1/reconciliations",
                    Map.of("date", date.strip()));
            redirect.addFlashAttribute("notice", "Reconciled " + report.get("date") + ": " + report.get("status")
                    + ", " + report.get("matched_count") + " matched, " + report.get("discrepancy_count")
                    + " discrepancies.");
            return "redirect:/reconciliation/" + report.get("date");
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("failure", "Not run: " + problem.detail());
            return "redirect:/reconciliation";
        }
    }

    @GetMapping("/reconciliation/{date}")
    String report(@PathVariable String date, Model model) {
        Map<String, Object> report = api.get(Backend.RECONCILIATION, "/api/v1/reconciliations/{date}", Map.of(), date);
        model.addAttribute("report", report);
        model.addAttribute("groups", byClass(report.get("discrepancies")));
        return "reconciliation-report";
    }

    @GetMapping("/reconciliation/{date}/csv")
    ResponseEntity<byte[]> csv(@PathVariable String date) {
        byte[] csv = api.bytes(Backend.RECONCILIATION, "/api/v1/reconciliations/{date}.csv", date);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"reconciliation-"
                        + LocalDate.parse(date) + ".csv\"")
                .body(csv);
    }

    @SuppressWarnings("unchecked")
    private static Map<DiscrepancyClass, List<Map<String, Object>>> byClass(Object discrepancies) {
        Map<DiscrepancyClass, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        for (Object item : (List<Object>) (discrepancies == null ? List.of() : discrepancies)) {
            Map<String, Object> discrepancy = (Map<String, Object>) item;
            groups.computeIfAbsent(DiscrepancyClass.of(discrepancy.get("type")), type -> new ArrayList<>())
                    .add(discrepancy);
        }
        return groups;
    }
}
