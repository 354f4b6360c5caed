/**
 * Who may call which endpoint of payment-service (docs/architecture.md §11) and which merchant's objects a
 * caller sees: the one table of access rules, and the ownership check the features apply to their objects.
 */
package dev.kassa.payment.access;
