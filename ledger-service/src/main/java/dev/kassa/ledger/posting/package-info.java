/** Posting rules: consumes {@code payment.results}, posts one balanced entry per result and publishes it. */
package dev.kassa.ledger.posting;
