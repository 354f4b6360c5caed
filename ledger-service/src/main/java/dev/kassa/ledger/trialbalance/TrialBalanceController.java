package dev.kassa.ledger.trialbalance;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The trial balance: debits and credits of every account per currency, which must agree. */
@RestController
public class TrialBalanceController {

    private final TrialBalanceQueries queries;

    TrialBalanceController(TrialBalanceQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/ledger/trial-balance")
    public TrialBalance trialBalance() {
        return queries.trialBalance();
    }
}
