/** Wallet metrics: the gauge of balances below zero. */
package dev.kassa.wallet.metrics;
