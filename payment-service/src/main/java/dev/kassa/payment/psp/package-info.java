/** The PSP client: payment intents and refunds over HTTP, with idempotency keys, timeouts and a circuit breaker. */
package dev.kassa.payment.psp;
