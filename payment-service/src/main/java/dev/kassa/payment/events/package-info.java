/** The records payment-service publishes, written to the outbox from payment order, refund and dispute state. */
package dev.kassa.payment.events;
