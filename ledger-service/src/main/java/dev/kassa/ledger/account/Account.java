package dev.kassa.ledger.account;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A ledger account with its running totals per currency, read as one aggregate. Never saved from Java: an
 * account appears with its first journal line and is append-only, and only the journal_line trigger moves
 * its totals (002-ledger-invariants.sql), so there is nothing to lock optimistically.
 */
@Table("account")
public record Account(
        @Id String id,
        AccountType type,
        @MappedCollection(idColumn = "account_id") Set<CurrencyBalance> balances) {

    /** The totals in currency order. */
    List<CurrencyBalance> balancesByCurrency() {
        return balances.stream().sorted(Comparator.comparing(CurrencyBalance::currency)).toList();
    }
}
