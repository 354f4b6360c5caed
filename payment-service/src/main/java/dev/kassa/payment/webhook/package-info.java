/** {@code POST /api/v1/webhooks/psp}: signed PSP webhooks, verified, stored once and applied as results. */
package dev.kassa.payment.webhook;
