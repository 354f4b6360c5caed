/** The books: trial balance, wallets below zero, wallet/ledger agreement, account statements. */
package dev.kassa.console.books;
