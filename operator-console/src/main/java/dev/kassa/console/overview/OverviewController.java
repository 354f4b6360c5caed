package dev.kassa.console.overview;

import dev.kassa.console.ConsoleProperties;
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

    private void fill(Model model) {
        model.addAttribute("refreshSeconds", properties.refresh().toSeconds());
        model.addAttribute("activity", overview.activity().orElse(null));
        model.addAttribute("ordersByStatus", overview.ordersByStatus());
        model.addAttribute("services", overview.services());
        model.addAttribute("pspCircuitOpen", overview.pspCircuitOpen().orElse(null));
        model.addAttribute("reconciliation", overview.todaysReconciliation().orElse(null));
    }
}
