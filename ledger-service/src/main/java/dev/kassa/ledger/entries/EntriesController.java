package dev.kassa.ledger.entries;

import dev.kassa.ledger.account.AccountVisibility;
import dev.kassa.web.validation.KassaId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Journal entries with their lines, filtered by account and/or payment order, in pages. */
@RestController
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
    public EntriesPage entries(
            @RequestParam(name = "account_id", required = false) String accountId,
            @RequestParam(name = "payment_order_id", required = false) @KassaId String paymentOrderId,
            @RequestParam(name = "limit", required = false) String limit,
            @RequestParam(name = "cursor", required = false) String cursor) {
        EntryFilter filter = EntryFilter.parse(accountId, paymentOrderId, limit, cursor, properties);
        visibility.requireNamedAndVisible(filter.account());
        return queries.page(filter);
    }
}
