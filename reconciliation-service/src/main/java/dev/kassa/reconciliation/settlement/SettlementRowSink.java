package dev.kassa.reconciliation.settlement;

/** Receives the rows of a settlement file one at a time, as they are read. */
interface SettlementRowSink {

    void row(SettlementRow row);

    /** A line that is not a valid row: reported in the report instead of failing the run. */
    void malformed(long lineNumber, String reason, String raw);
}
