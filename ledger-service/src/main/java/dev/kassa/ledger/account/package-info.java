/** Accounts: their ids, types, sides and balances, and the account API. */
package dev.kassa.ledger.account;
