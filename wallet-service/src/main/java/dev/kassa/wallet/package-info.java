/** wallet-service: seller balances, credited and debited from payment results. */
package dev.kassa.wallet;
