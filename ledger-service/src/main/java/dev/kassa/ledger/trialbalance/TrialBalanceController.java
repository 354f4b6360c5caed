package dev.kassa.ledger.trialbalance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The trial balance: debits and credits of every account per currency, which must agree. */
@RestController
@Tag(name = "Trial balance", description = "The ledger's self-check: all debits against all credits, per currency.")
public class TrialBalanceController {

    private final TrialBalanceQueries queries;

    TrialBalanceController(TrialBalanceQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/ledger/trial-balance")
    @Operation(summary = "Total debits and credits of every account, per currency",
            description = "Every entry balances, so `balanced` is true unless something is badly wrong. Every"
                    + " operator role reads it; a merchant's key is refused (403).")
    public TrialBalance trialBalance() {
        return queries.trialBalance();
    }
}
