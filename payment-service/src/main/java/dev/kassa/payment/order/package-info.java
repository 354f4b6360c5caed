/** Payment orders: their state, guarded state changes and repository (docs/architecture.md §6), and their metrics. */
package dev.kassa.payment.order;
