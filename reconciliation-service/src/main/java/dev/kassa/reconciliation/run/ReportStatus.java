package dev.kassa.reconciliation.run;

/** Where the latest run of a report date stands. */
public enum ReportStatus {
    /** A run holds the date (or crashed holding it, until it is stale). */
    RUNNING,
    COMPLETED,
    FAILED
}
