/** The projection of {@code payment.results}, {@code wallet.events} and {@code ledger.events} a run compares. */
package dev.kassa.reconciliation.projection;
