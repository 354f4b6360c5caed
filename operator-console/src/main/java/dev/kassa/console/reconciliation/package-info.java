/** Reconciliation reports, their discrepancies by class, CSV export and runs on demand. */
package dev.kassa.console.reconciliation;
