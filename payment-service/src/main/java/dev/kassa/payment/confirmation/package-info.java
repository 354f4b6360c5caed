/** Wallet and ledger confirmations of a payment order, and completing the checkout once every order is confirmed. */
package dev.kassa.payment.confirmation;
