package dev.kassa.ledger.account;

import org.springframework.data.relational.core.mapping.Table;

/** An account's running totals in one currency, in minor units, as the journal_line trigger keeps them. */
@Table("account_balance")
public record CurrencyBalance(String currency, long debitsMinor, long creditsMinor) {
}
