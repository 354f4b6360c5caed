/** Refunds of a payment order: their state and repository. */
package dev.kassa.payment.refund;
