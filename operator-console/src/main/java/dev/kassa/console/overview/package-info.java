/**
 * The overview: payments per minute and success ratio over the last hour, orders by status, each service's health,
 * outbox backlog and dead letters, the PSP circuit, and today's reconciliation; refreshed by itself.
 */
package dev.kassa.console.overview;
