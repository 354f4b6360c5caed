/**
 * Disputes (chargebacks) of succeeded payment orders (docs/architecture.md §15): kept with their lifecycle as the PSP's
 * {@code charge.dispute.*} webhooks report it ({@link dev.kassa.payment.dispute.DisputeWebhooks}), shown on the order
 * ({@code DISPUTED}, {@code CHARGED_BACK}), and answered by the order's merchant: evidence, or acceptance
 * ({@code /api/v1/disputes}).
 */
package dev.kassa.payment.dispute;
