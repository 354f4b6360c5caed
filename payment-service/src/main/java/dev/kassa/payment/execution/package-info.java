/** The executor: consumes {@code payment.psp-requests} and calls the PSP for payments and refunds (docs/architecture.md §4.1). */
package dev.kassa.payment.execution;
