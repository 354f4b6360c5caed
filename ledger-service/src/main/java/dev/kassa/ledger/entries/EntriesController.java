package dev.kassa.ledger.entries;

import dev.kassa.ledger.account.AccountVisibility;
import dev.kassa.web.validation.KassaId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Journal entries with their lines, filtered by account and/or payment order, in pages. */
@RestController
@Tag(name = "Journal entries", description = "The journal: every posted entry with its balanced lines, in posting"
        + " order. Entries are never changed; a correction is a new entry.")
class EntriesController {

    private final EntryQueries queries;
    private final EntriesProperties properties;
    private final AccountVisibility visibility;

    EntriesController(EntryQueries queries, EntriesProperties properties, AccountVisibility visibility) {
        this.queries = queries;
        this.properties = properties;
        this.visibility = visibility;
    }

    /**
     * Parameters arrive as text so that a malformed one is refused with a reason that names it; a payment
     * order id follows the id rule of the payment API.
     */
    @GetMapping("/api/v1/ledger/entries")
    @Operation(summary = "Journal entries with their lines, in posting order, a page at a time",
            description = "Both filters are optional and combine; follow `next_cursor` (null on the last page) as"
                    + " `cursor`. Every operator role reads the whole journal. A merchant's key must name one of its"
                    + " own sellers' `seller_payable` accounts in `account_id` (400 without it, 404 for an account it"
                    + " may not read). A parameter the API does not know is ignored.")
    @ApiResponse(responseCode = "200", description = "A page of entries", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "A merchant's key named an account that is not one of its"
            + " sellers' (answered as an unknown account)", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(ref = "#/components/schemas/Problem")))
    public EntriesPage entries(
            @RequestParam(name = "account_id", required = false)
            @Parameter(description = "Only entries with a line on this account: `psp_receivable`, `dispute_fees` or"
                    + " `seller_payable:<seller>`", example = "seller_payable:seller_1") String accountId,
            @RequestParam(name = "payment_order_id", required = false) @KassaId
            @Parameter(description = "Only the entries of this payment order (its payment, refunds and dispute"
                    + " funds)", example = "po_1") String paymentOrderId,
            @RequestParam(name = "limit", required = false)
            @Parameter(description = "Entries per page, 1 to `kassa.ledger.entries.max-limit` (500); default 50",
                    schema = @Schema(type = "integer", minimum = "1")) String limit,
            @RequestParam(name = "cursor", required = false)
            @Parameter(description = "`next_cursor` of the previous page") String cursor) {
        EntryFilter filter = EntryFilter.parse(accountId, paymentOrderId, limit, cursor, properties);
        visibility.requireNamedAndVisible(filter.account());
        return queries.page(filter);
    }
}
