package dev.kassa.ledger.account;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the balances the journal_line trigger keeps in {@code account_balance} (kept, not derived: one row
 * per account and currency, however many lines the account has).
 */
@Repository
public class AccountBalances {

    private final JdbcClient jdbc;

    public AccountBalances(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the ledger has ever posted to the account (accounts appear with their first line). */
    public boolean exists(AccountId account) {
        return jdbc.sql("SELECT 1 FROM account WHERE id = ?").param(account.value()).query(Integer.class)
                .optional().isPresent();
    }

    /** The account's totals per currency, in currency order. */
    public List<CurrencyBalance> of(AccountId account) {
        return jdbc.sql("""
                        SELECT currency, debits_minor, credits_minor FROM account_balance
                        WHERE account_id = ? ORDER BY currency
                        """)
                .param(account.value())
                .query((rs, i) -> new CurrencyBalance(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }
}
