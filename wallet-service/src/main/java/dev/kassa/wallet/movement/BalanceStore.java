package dev.kassa.wallet.movement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The balances, changed only by one atomic statement.
 *
 * <p>Why an atomic upsert and not a row lock ({@code SELECT … FOR UPDATE}, then compute in Java, then
 * {@code UPDATE}): {@code INSERT … ON CONFLICT DO UPDATE SET balance_minor = balance_minor + ? RETURNING}
 * does the read, the addition and the write inside PostgreSQL in one round trip. The update locks the row
 * until our transaction ends, and under READ COMMITTED a concurrent update of the same row waits for that
 * lock and then re-applies its {@code + ?} to the newest committed version, so two credits can never both
 * start from the same old balance (no lost update), while the lock is held for the shortest time and no
 * Java code runs in between. It also creates the wallet on its first movement without a separate
 * existence check: two first credits racing for a new seller meet on the primary key and one of them
 * turns into the update. A hot seller's movements still serialize on its row, which is exactly the
 * ordering the {@code balance_after_minor} of each movement needs.
 */
@Repository
public class BalanceStore {

    private final JdbcClient jdbc;

    public BalanceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds {@code signedAmountMinor} to the balance of (account, currency), creating it at zero first if
     * needed, and returns the balance after the change. Must run inside the caller's transaction: the row
     * stays locked until it commits.
     */
    public long add(String accountId, String currency, long signedAmountMinor) {
        return jdbc.sql("""
                        INSERT INTO wallet_balance (account_id, currency, balance_minor, updated_at)
                        VALUES (:account, :currency, :delta, clock_timestamp())
                        ON CONFLICT (account_id, currency) DO UPDATE
                           SET balance_minor = wallet_balance.balance_minor + EXCLUDED.balance_minor,
                               updated_at = EXCLUDED.updated_at
                        RETURNING balance_minor
                        """)
                .param("account", accountId)
                .param("currency", currency)
                .param("delta", signedAmountMinor)
                .query(Long.class)
                .single();
    }

    /** How many (account, currency) balances are below zero; served by a partial index. */
    public long countBelowZero() {
        return jdbc.sql("SELECT count(*) FROM wallet_balance WHERE balance_minor < 0").query(Long.class).single();
    }
}
