/** Applies a PSP answer, from the executor, a webhook or the janitor, as one guarded state change with its outbox record. */
package dev.kassa.payment.result;
