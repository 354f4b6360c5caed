/** The records payment-service publishes, written to the outbox from payment order and refund state. */
package dev.kassa.payment.events;
