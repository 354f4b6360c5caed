package dev.kassa.wallet.api;

import java.util.List;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** The sellers' balances, one per (account, currency): a wallet is an account's balances. */
interface WalletBalances extends Repository<WalletBalance, WalletBalance.Key> {

    List<WalletBalance> findByIdAccountIdOrderByIdCurrency(String accountId);

    boolean existsByIdAccountId(String accountId);

    boolean existsByIdAccountIdAndMerchantId(String accountId, String merchantId);

    /**
     * Balances below zero, most negative first (operators' view of sellers who owe refunds). The literal
     * {@code < 0} matches the partial index wallet_balance_below_zero; a bound parameter would not.
     */
    @Query("""
            SELECT account_id, currency, balance_minor, updated_at, merchant_id FROM wallet_balance
             WHERE balance_minor < 0
             ORDER BY balance_minor, account_id, currency
             LIMIT :limit""")
    List<WalletBalance> findBelowZero(int limit);

    @Query("SELECT count(*) FROM wallet_balance WHERE balance_minor < 0")
    long countBelowZero();
}
