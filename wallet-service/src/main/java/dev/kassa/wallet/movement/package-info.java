/** Wallet movements: one credit or debit per source event, the balance it moves and the record it publishes. */
package dev.kassa.wallet.movement;
