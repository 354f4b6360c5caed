/** Discrepancies a run finds, and publishing them to {@code reconciliation.discrepancies}. */
package dev.kassa.reconciliation.discrepancy;
