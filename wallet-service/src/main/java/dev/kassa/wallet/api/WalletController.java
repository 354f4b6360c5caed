package dev.kassa.wallet.api;

import dev.kassa.schemas.money.Money;
import dev.kassa.web.KassaProblem;
import dev.kassa.web.RequestLimits;
import dev.kassa.web.validation.KassaId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read API of seller wallets. Amounts are formatted only by the shared {@link Money} formatter. Account ids
 * follow the id rule of the payment API ({@link KassaId}); refusals are the web module's problem details.
 */
@RestController
@RequestMapping(path = "/api/v1/wallets", produces = "application/json")
@Tag(name = "Wallets", description = "Seller balances and their movements. A merchant's key reads its own sellers"
        + " (another merchant's seller is a 404); every operator role reads all.")
class WalletController {

    private static final long BEFORE_EVERYTHING = Long.MAX_VALUE;

    private final WalletBalances balances;
    private final Movements movements;
    private final WalletApiProperties properties;
    private final WalletVisibility visibility;

    WalletController(WalletBalances balances, Movements movements, WalletApiProperties properties) {
        this.balances = balances;
        this.movements = movements;
        this.properties = properties;
        this.visibility = new WalletVisibility(balances);
    }

    @GetMapping("/{account_id}")
    @Operation(summary = "A seller's balance in each currency",
            description = "404 when the seller has never been credited (or is another merchant's).")
    WalletView wallet(@PathVariable("account_id") @KassaId @Parameter(description = "The seller's account id",
            example = "seller_42") String accountId) {
        List<WalletBalance> rows = visibility.balances(accountId);
        Instant updatedAt = rows.stream().map(WalletBalance::updatedAt).max(Comparator.naturalOrder()).orElseThrow();
        List<BalanceView> views = rows.stream()
                .map(row -> new BalanceView(row.currency(), Money.formatMinor(row.balanceMinor(), row.currency()),
                        row.balanceMinor()))
                .toList();
        return new WalletView(accountId, views, updatedAt);
    }

    @GetMapping("/{account_id}/movements")
    @Operation(summary = "A seller's movements, newest first, a page at a time",
            description = "Each credit (a payment), debit (a refund, a dispute's withdrawn funds) or credit back (a won"
                    + " dispute) with the balance right after it. Follow `next_cursor` for older pages.")
    MovementPage movements(@PathVariable("account_id") @KassaId String accountId,
                           @RequestParam(name = "limit", required = false)
                           @Parameter(description = "Movements per page, 1 to kassa.wallet.api.max-page-size (200);"
                                   + " default 50", schema = @Schema(type = "integer")) String rawLimit,
                           @RequestParam(name = "cursor", required = false)
                           @Parameter(description = "`next_cursor` of the previous page") String rawCursor) {
        int limit = RequestLimits.within("limit", rawLimit, properties.defaultPageSize(), 1, properties.maxPageSize());
        visibility.requireVisible(accountId);
        long before = rawCursor == null ? BEFORE_EVERYTHING : MovementCursor.decode(rawCursor);
        // One row more than asked tells whether another page follows without a count query.
        List<Movement> rows = movements.findByAccountIdAndSeqLessThanOrderBySeqDesc(accountId, before,
                Limit.of(limit + 1));
        if (rows.isEmpty() && !balances.existsByIdAccountId(accountId)) {
            throw KassaProblem.notFound("account_id", accountId);
        }
        boolean more = rows.size() > limit;
        List<Movement> page = more ? rows.subList(0, limit) : rows;
        String next = more ? MovementCursor.encode(page.getLast().seq()) : null;
        return new MovementPage(accountId, page.stream().map(WalletController::view).toList(), next);
    }

    /**
     * Operators' list of balances below zero (sellers whose refunds exceeded what they had). One mapping that
     * checks {@code below_zero} itself, rather than two told apart by a {@code params} condition: such a condition
     * makes Spring MVC read every parameter name of every request it routes, and a control character in a name
     * then escaped as a 500 (Spring Security's firewall refuses the name only once something reads it).
     */
    @GetMapping
    @Operation(summary = "Balances below zero, most negative first (operators)",
            description = "Sellers whose refunds or disputes exceeded what they had. `below_zero=true` is required:"
                    + " no other listing of wallets exists.")
    BelowZeroBalances belowZero(@RequestParam(name = "below_zero", required = false)
                                @Parameter(required = true, schema = @Schema(allowableValues = "true"))
                                String belowZero,
                                @RequestParam(name = "limit", required = false)
                                @Parameter(description = "At most this many rows (default 50)",
                                        schema = @Schema(type = "integer")) String rawLimit) {
        if (belowZero == null) {
            throw KassaProblem.invalid("below_zero",
                    "is required: only balances below zero can be listed (GET /api/v1/wallets?below_zero=true)");
        }
        if (!"true".equals(belowZero)) {
            throw KassaProblem.invalid("below_zero", "must be 'true'; only balances below zero can be listed");
        }
        int limit = RequestLimits.within("limit", rawLimit, properties.defaultPageSize(), 1, properties.maxPageSize());
        List<BelowZeroBalanceView> rows = balances.findBelowZero(limit).stream()
                .map(row -> new BelowZeroBalanceView(row.accountId(), row.currency(),
                        Money.formatMinor(row.balanceMinor(), row.currency()), row.balanceMinor(), row.updatedAt()))
                .toList();
        return new BelowZeroBalances(balances.countBelowZero(), rows);
    }

    private static MovementView view(Movement row) {
        return new MovementView(row.movementId(), row.kind(), row.currency(),
                Money.formatMinor(row.amountMinor(), row.currency()), row.amountMinor(),
                Money.formatMinor(row.balanceAfterMinor(), row.currency()), row.balanceAfterMinor(),
                row.paymentOrderId(), row.checkoutId(), row.refundId(), row.disputeId(), row.sourceEventId(),
                row.occurredAt(), row.recordedAt());
    }
}
