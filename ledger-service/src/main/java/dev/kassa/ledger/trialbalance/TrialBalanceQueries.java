package dev.kassa.ledger.trialbalance;

import dev.kassa.schemas.money.Money;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The trial balance over the kept account balances: one row per account and currency, not per line. Set-based:
 * one GROUP BY over every account's totals, no aggregate to load.
 */
@Repository
public class TrialBalanceQueries {

    private final JdbcClient jdbc;

    TrialBalanceQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    TrialBalance trialBalance() {
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
