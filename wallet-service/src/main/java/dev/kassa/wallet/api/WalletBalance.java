package dev.kassa.wallet.api;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One seller's balance in one currency, in minor units; may be below zero after refunds. Read-only here: the
 * movement feature changes it with one atomic upsert per batch (MovementWriter), never by saving this record, so
 * it needs no optimistic-locking version.
 *
 * @param merchantId the seller's merchant, recorded by the first credit that named one; null before merchants
 */
@Table("wallet_balance")
record WalletBalance(@Id Key id, long balanceMinor, Instant updatedAt, String merchantId) {

    /** A wallet holds one balance per currency. */
    record Key(String accountId, String currency) {
    }

    String accountId() {
        return id.accountId();
    }

    String currency() {
        return id.currency();
    }
}
