/**
 * {@code GET /admin/payments/activity}: payment orders that reached SUCCEEDED or FAILED per minute over a recent
 * window, for the operator console's overview chart; read from {@code payment_order_history} (docs/architecture.md
 * §11) in one statement.
 */
package dev.kassa.payment.activity;
