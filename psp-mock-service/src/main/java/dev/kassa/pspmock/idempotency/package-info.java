/** Idempotency keys: a repeated request with the same key gets the first answer. */
package dev.kassa.pspmock.idempotency;
