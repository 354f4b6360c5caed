/** Webhook events: signed, delivered with backoff, and listed. */
package dev.kassa.pspmock.webhook;
