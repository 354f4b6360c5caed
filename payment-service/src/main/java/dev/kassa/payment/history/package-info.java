/**
 * The history of each payment order's state changes, with their causes ({@code GET
 * /api/v1/payment-orders/{id}/history}, docs/architecture.md §11). Database triggers write it; this package reads it.
 */
package dev.kassa.payment.history;
