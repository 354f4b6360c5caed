/**
 * Disputes (chargebacks) as Stripe simulates them: opened by a dispute test card or an operator, answered with
 * evidence or accepted, decided won or lost, with their money (balance transactions) and their events.
 */
package dev.kassa.pspmock.dispute;
