/**
 * {@code GET /api/v1/payments/{checkout_id}/receipt}: what the buyer paid and got back, per order and per currency, as
 * JSON or as a printable page.
 */
package dev.kassa.payment.receipt;
