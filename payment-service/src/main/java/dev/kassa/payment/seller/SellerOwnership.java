package dev.kassa.payment.seller;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which merchant each seller account belongs to: the first whose checkout names it (docs/architecture.md §11).
 * Wallet and ledger show a seller's balances to its merchant, so a checkout that names another merchant's seller
 * is refused. An owner never changes, so an instance remembers the owners it has seen committed and a checkout
 * of known sellers costs no statement; only a seller new to this instance costs two (claim, then read the owners
 * in a fresh snapshot, which sees a claim another transaction committed while ours waited on it).
 */
@Component
public class SellerOwnership {

    private final JdbcClient jdbc;
    /** Owners known to be committed, by seller account. */
    private final Cache<String, String> owners = Caffeine.newBuilder().maximumSize(100_000).build();

    SellerOwnership(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims for {@code merchantId} those of {@code sellers} nobody owns yet, in the caller's transaction.
     *
     * @return the first of {@code sellers} (in their order) that belongs to another merchant, if any
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<String> claim(String merchantId, List<String> sellers) {
        List<String> unknown = new ArrayList<>();
        for (String seller : sellers) {
            String owner = owners.getIfPresent(seller);
            if (owner == null) {
                unknown.add(seller);
            } else if (!owner.equals(merchantId)) {
                return Optional.of(seller);
            }
        }
        if (unknown.isEmpty()) {
            return Optional.empty();
        }
        // Sorted: two checkouts claiming the same new sellers lock them in one order, so they never deadlock.
        String[] accounts = unknown.stream().sorted().toArray(String[]::new);
        jdbc.sql("""
                INSERT INTO seller (seller_account, merchant_id) SELECT unnest(:sellers::varchar[]), :merchant
                ON CONFLICT (seller_account) DO NOTHING""")
                .param("sellers", accounts).param("merchant", merchantId).update();
        Map<String, String> found = new HashMap<>();
        jdbc.sql("SELECT seller_account, merchant_id FROM seller WHERE seller_account = ANY (:sellers::varchar[])")
                .param("sellers", accounts)
                .query(row -> {
                    found.put(row.getString(1), row.getString(2));
                });
        rememberAfterCommit(found);
        return unknown.stream().filter(seller -> !merchantId.equals(found.get(seller))).findFirst();
    }

    /** Only once committed: a claim rolled back (the checkout refused for another reason) was never an owner. */
    private void rememberAfterCommit(Map<String, String> found) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                owners.putAll(found);
            }
        });
    }
}
