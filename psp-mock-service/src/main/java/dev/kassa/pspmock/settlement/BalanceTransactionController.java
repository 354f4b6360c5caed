package dev.kassa.pspmock.settlement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.kassa.pspmock.api.ApiException;
import dev.kassa.pspmock.api.ApiJson;
import dev.kassa.pspmock.settlement.BalanceTransactionPages.Position;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/balance_transactions}, as Stripe lists them: newest first (created, then id, descending), paged
 * with {@code starting_after} (older) or {@code ending_before} (newer), the same money as the settlement file.
 */
@RestController
class BalanceTransactionController {

    static final String URL = "/v1/balance_transactions";

    private final BalanceTransactionPages pages;
    private final ApiJson json;

    BalanceTransactionController(BalanceTransactionPages pages, ApiJson json) {
        this.pages = pages;
        this.json = json;
    }

    @GetMapping(URL)
    ResponseEntity<String> list(HttpServletRequest request) {
        // The raw parameter map, not @RequestParam: bracket names (created[gte], expand[0]) and unknown ones.
        BalanceTransactionQuery query = BalanceTransactionQuery.of(request.getParameterMap());
        Position from = null;
        if (query.cursor() != null) {
            String param = query.backwards() ? "ending_before" : "starting_after";
            from = pages.positionOf(query.cursor())
                    .orElseThrow(() -> ApiException.notFound("balance transaction", query.cursor(), param));
        }
        List<ListedTransaction> page = pages.page(query, from);
        boolean hasMore = page.size() > query.limit();
        // Newest first either way; going backwards the extra row is the newest one, beyond the page.
        List<ListedTransaction> shown = hasMore
                ? (query.backwards() ? page.subList(1, page.size()) : page.subList(0, query.limit())) : page;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("object", "list");
        body.put("data", shown.stream()
                .map(txn -> BalanceTransactionView.of(txn, query.expandSource(), json::readStringMap)).toList());
        body.put("has_more", hasMore);
        body.put("url", URL);
        return json.render(200, body).toEntity();
    }
}
