package dev.kassa.ledger.trialbalance;

import dev.kassa.schemas.money.Money;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The trial balance over the kept account balances: one row per account and currency, not per line. */
@RestController
public class TrialBalanceController {

    private final JdbcClient jdbc;

    public TrialBalanceController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/v1/ledger/trial-balance")
    public TrialBalance trialBalance() {
        List<TrialBalance.CurrencyTotals> currencies = jdbc.sql("""
                        SELECT currency, sum(debits_minor) AS debits, sum(credits_minor) AS credits
                        FROM account_balance GROUP BY currency ORDER BY currency
                        """)
                .query((rs, i) -> {
                    String currency = rs.getString("currency");
                    long debits = rs.getBigDecimal("debits").longValueExact();
                    long credits = rs.getBigDecimal("credits").longValueExact();
                    return new TrialBalance.CurrencyTotals(currency, debits, credits,
                            Money.formatMinor(debits, currency), Money.formatMinor(credits, currency),
                            debits == credits);
                })
                .list();
        return TrialBalance.of(currencies);
    }
}
