package dev.kassa.ledger.account;

/** An account's running totals in one currency, in minor units. */
record CurrencyBalance(String currency, long debitsMinor, long creditsMinor) {
}
