package dev.kassa.pspmock.settlement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.kassa.pspmock.api.ApiException;
import dev.kassa.pspmock.api.ApiJson;
import dev.kassa.pspmock.api.StripeErrorResponses;
import dev.kassa.pspmock.api.StripeForms;
import dev.kassa.pspmock.settlement.BalanceTransactionPages.Position;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/balance_transactions}, as Stripe lists them: newest first (created, then id, descending), paged
 * with {@code starting_after} (older) or {@code ending_before} (newer), the same money as the settlement file.
 */
@RestController
@Tag(name = "Balance transactions", description = "Stripe's BalanceTransactions: the money of every charge, refund and"
        + " dispute, the same as the settlement files. The PSP's secret key (`sk_…`) only.")
class BalanceTransactionController {

    static final String URL = "/v1/balance_transactions";

    private final BalanceTransactionPages pages;
    private final ApiJson json;

    BalanceTransactionController(BalanceTransactionPages pages, ApiJson json) {
        this.pages = pages;
        this.json = json;
    }

    @GetMapping(URL)
    @Operation(operationId = "listBalanceTransactions", summary = "List balance transactions, newest first",
            description = StripeForms.PAGING + " Newest first means by `created`, then by id. `expand[]=data.source`"
                    + " (or `expand[0]=`) answers each source as an object; any other parameter is refused"
                    + " (`parameter_unknown`).")
    @Parameter(in = ParameterIn.QUERY, name = "created", description = "Only those created in this Unix second",
            schema = @Schema(type = "integer", format = "int64"))
    @Parameter(in = ParameterIn.QUERY, name = "created[gte]", description = "Created at or after this Unix second",
            schema = @Schema(type = "integer", format = "int64"))
    @Parameter(in = ParameterIn.QUERY, name = "created[gt]", description = "Created after this Unix second",
            schema = @Schema(type = "integer", format = "int64"))
    @Parameter(in = ParameterIn.QUERY, name = "created[lte]", description = "Created at or before this Unix second",
            schema = @Schema(type = "integer", format = "int64"))
    @Parameter(in = ParameterIn.QUERY, name = "created[lt]", description = "Created before this Unix second",
            schema = @Schema(type = "integer", format = "int64"))
    @Parameter(in = ParameterIn.QUERY, name = "type", description = "Stripe's type: `charge`, `refund` or"
            + " `adjustment` (a dispute's rows) match",
            schema = @Schema(type = "string"))
    @Parameter(in = ParameterIn.QUERY, name = "currency", description = "ISO 4217, any case",
            schema = @Schema(type = "string"))
    @Parameter(in = ParameterIn.QUERY, name = "source", description = "Only the rows of this charge (`ch_…`), refund"
            + " (`re_…`) or dispute (`dp_…`)",
            schema = @Schema(type = "string"))
    @Parameter(in = ParameterIn.QUERY, name = "payout", description = "Matches nothing: psp-mock pays nothing out",
            schema = @Schema(type = "string"))
    @Parameter(in = ParameterIn.QUERY, name = "limit", description = StripeForms.LIMIT,
            schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "10"))
    @Parameter(in = ParameterIn.QUERY, name = "starting_after", description = StripeForms.STARTING_AFTER,
            schema = @Schema(type = "string"))
    @Parameter(in = ParameterIn.QUERY, name = "ending_before", description = StripeForms.ENDING_BEFORE,
            schema = @Schema(type = "string"))
    @ApiResponse(responseCode = "200", description = "A page of balance transactions", content = @Content(
            schema = @Schema(implementation = BalanceTransactionList.class)))
    @ApiResponse(responseCode = "404", description = StripeForms.CURSOR_MISSING, content = @Content(
            schema = @Schema(ref = StripeErrorResponses.REF)))
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

    @Schema(name = "BalanceTransactionList", description = "Stripe's list object")
    record BalanceTransactionList(@Schema(allowableValues = "list") String object, List<BalanceTransactionView> data,
                                  @Schema(description = StripeForms.HAS_MORE) boolean hasMore,
                                  @Schema(example = URL) String url) {
    }
}
