/** The report API: starting a run, reading its report, its discrepancies and their CSV export. */
package dev.kassa.reconciliation.report;
