/** Consumes {@code payment.results} and turns each result into a wallet movement. */
package dev.kassa.wallet.results;
