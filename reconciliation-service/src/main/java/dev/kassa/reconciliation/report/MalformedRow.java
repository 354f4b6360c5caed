package dev.kassa.reconciliation.report;

/** A line of the settlement file that could not be used, and why. */
record MalformedRow(long lineNumber, String reason, String raw) {
}
