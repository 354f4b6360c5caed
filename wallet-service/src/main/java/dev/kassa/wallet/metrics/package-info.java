/** Wallet metrics: balances below zero, and counters updated only once a transaction commits. */
package dev.kassa.wallet.metrics;
