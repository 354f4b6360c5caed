/**
 * Payments: search over payment-service's history, one payment order's timeline across the services, and the
 * operator's actions on it (retry, refund).
 */
package dev.kassa.console.payments;
