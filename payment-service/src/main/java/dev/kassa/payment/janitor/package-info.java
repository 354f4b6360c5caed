/** Asks the PSP about orders and refunds stuck unresolved, on a schedule and when reconciliation finds a discrepancy. */
package dev.kassa.payment.janitor;
