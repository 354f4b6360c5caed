package dev.kassa.wallet.api;

import dev.kassa.web.KassaProblem;
import dev.kassa.web.security.KassaActor;
import java.util.List;

/**
 * Which wallets the caller may read (docs/architecture.md §11): operators every one, a merchant only its own sellers',
 * those whose balances record it. Anything else is answered exactly as an unknown account, so that a merchant cannot
 * tell another merchant's seller from one that does not exist.
 */
final class WalletVisibility {

    private final WalletBalances balances;

    WalletVisibility(WalletBalances balances) {
        this.balances = balances;
    }

    /** The account's balances the caller may see; 404 when there are none. */
    List<WalletBalance> balances(String accountId) {
        List<WalletBalance> rows = balances.findByIdAccountIdOrderByIdCurrency(accountId);
        List<WalletBalance> visible = KassaActor.currentMerchantId()
                .map(merchant -> rows.stream().filter(row -> merchant.equals(row.merchantId())).toList())
                .orElse(rows);
        if (visible.isEmpty()) {
            throw KassaProblem.notFound("account_id", accountId);
        }
        return visible;
    }

    /** Nothing for an operator; for a merchant, the 404 of an unknown account unless the wallet is its seller's. */
    void requireVisible(String accountId) {
        KassaActor.currentMerchantId().filter(merchant -> !balances.existsByIdAccountIdAndMerchantId(accountId, merchant))
                .ifPresent(foreign -> {
                    throw KassaProblem.notFound("account_id", accountId);
                });
    }
}
