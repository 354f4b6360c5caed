package dev.kassa.console.overview;

import dev.kassa.console.ConsoleProperties;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The overview page, and its panel alone, which the page fetches again every {@code kassa.console.refresh} (htmx). */
@Controller
class OverviewController {

    private final Overview overview;
    private final ConsoleProperties properties;

    OverviewController(Overview overview, ConsoleProperties properties) {
        this.overview = overview;
        this.properties = properties;
    }

    @GetMapping("/")
    String page(Model model) {
        fill(model);
        return "overview";
    }

    @GetMapping("/overview/panel")
    String panel(Model model) {
        fill(model);
        return "overview :: panel";
    }

    /** Every part read at once: the page waits for its slowest part, not for their sum. */
    private void fill(Model model) {
        model.addAttribute("refreshSeconds", properties.refresh().toSeconds());
        List<Object> parts = Overview.inParallel(List.<Supplier<Object>>of(
                () -> overview.activity().orElse(null),
                overview::ordersByStatus,
                overview::services,
                () -> overview.pspCircuitOpen().orElse(null),
                () -> overview.todaysReconciliation().orElse(null)));
        model.addAttribute("activity", parts.get(0));
        model.addAttribute("ordersByStatus", parts.get(1));
        model.addAttribute("services", parts.get(2));
        model.addAttribute("pspCircuitOpen", parts.get(3));
        model.addAttribute("reconciliation", parts.get(4));
    }
}
