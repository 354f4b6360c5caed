/** Refunds of a payment intent, resolved at once or later. */
package dev.kassa.pspmock.refund;
