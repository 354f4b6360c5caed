package dev.kassa.ledger.account;

import dev.kassa.web.KassaProblem;
import dev.kassa.web.security.KassaActor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which accounts the caller may read (docs/architecture.md §11): operators every one, a merchant only the
 * {@code seller_payable} accounts of its own sellers (table {@code seller_merchant}). Anything else, the platform's
 * {@code psp_receivable} included, is answered exactly as an unknown account, so that a merchant cannot tell another
 * merchant's seller from one that does not exist.
 */
@Component
public class AccountVisibility {

    private final JdbcClient jdbc;

    AccountVisibility(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Nothing for an operator; for a merchant, the 404 of an unknown account unless the account is its seller's. */
    public void requireVisible(AccountId account) {
        KassaActor.currentMerchantId().filter(merchant -> !ownSeller(account, merchant)).ifPresent(foreign -> {
            throw KassaProblem.notFound("account_id", account.value());
        });
    }

    /**
     * For a listing that may be unfiltered: a merchant must name one of its accounts ({@code account} is null when
     * none was named in {@code account_id}), so that it never pages through the whole journal.
     */
    public void requireNamedAndVisible(AccountId account) {
        if (account == null && KassaActor.currentMerchantId().isPresent()) {
            throw KassaProblem.invalid("account_id",
                    "is required with a merchant key: name the seller_payable account of one of your sellers");
        }
        if (account != null) {
            requireVisible(account);
        }
    }

    private boolean ownSeller(AccountId account, String merchant) {
        return account.sellerId().map(seller -> jdbc.sql(
                        "SELECT EXISTS (SELECT 1 FROM seller_merchant WHERE seller_id = ? AND merchant_id = ?)")
                .params(seller, merchant).query(Boolean.class).single()).orElse(false);
    }
}
