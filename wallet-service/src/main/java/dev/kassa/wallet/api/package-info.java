/** The read API: wallets, balances, movements (paged by cursor) and balances below zero. */
package dev.kassa.wallet.api;
