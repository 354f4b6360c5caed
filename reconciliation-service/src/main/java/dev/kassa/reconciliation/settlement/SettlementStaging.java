package dev.kassa.reconciliation.settlement;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stages the rows of one day's settlement file in {@code settlement_row} as they stream in, in JDBC
 * batches, so that matching runs as SQL joins and memory holds one batch at most. Malformed lines go to
 * {@code settlement_malformed_row}, the first {@code malformedKept} of them with their text.
 * Must be used inside the run's transaction.
 */
public final class SettlementStaging implements SettlementRowSink {

    private static final String INSERT_ROW = """
            INSERT INTO settlement_row (report_date, line_number, balance_transaction_id, type, payment_intent_id,
                                        payment_order_id, refund_id, dispute_id, amount_minor, fee_minor, net_minor,
                                        currency, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_MALFORMED = """
            INSERT INTO settlement_malformed_row (report_date, line_number, reason, raw) VALUES (?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final LocalDate reportDate;
    private final int batchSize;
    private final int malformedKept;
    private final List<SettlementRow> batch;
    private long malformedSeen;

    public SettlementStaging(JdbcTemplate jdbc, LocalDate reportDate, int batchSize, int malformedKept) {
        this.jdbc = jdbc;
        this.reportDate = reportDate;
        this.batchSize = batchSize;
        this.malformedKept = malformedKept;
        this.batch = new ArrayList<>(batchSize);
    }

    /** Removes what an earlier run of the day staged; the caller's transaction makes the replacement atomic. */
    public void clearPrevious() {
        jdbc.update("DELETE FROM settlement_row WHERE report_date = ?", reportDate);
        jdbc.update("DELETE FROM settlement_malformed_row WHERE report_date = ?", reportDate);
    }

    /**
     * Forgets the files staged for days before {@code cutoff}, except the day before this run's (whose rows
     * still count as "at the PSP" for this day).
     */
    public void forgetFilesBefore(LocalDate cutoff) {
        jdbc.update("DELETE FROM settlement_row WHERE report_date < ? AND report_date NOT IN (?, ?)",
                cutoff, reportDate, reportDate.minusDays(1));
    }

    @Override
    public void row(SettlementRow row) {
        batch.add(row);
        if (batch.size() >= batchSize) {
            flush();
        }
    }

    @Override
    public void malformed(long lineNumber, String reason, String raw) {
        malformedSeen++;
        if (malformedSeen <= malformedKept) {
            jdbc.update(INSERT_MALFORMED, reportDate, lineNumber, reason, raw);
        }
    }

    /** Writes the rows still buffered; call once the file is read. */
    public void flush() {
        if (batch.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(INSERT_ROW, batch, batch.size(), this::bind);
        batch.clear();
    }

    /**
     * A balance transaction listed twice is kept once (its first line); the others are reported as
     * malformed, so that each PSP transaction is matched exactly once.
     *
     * @return how many duplicate lines were set aside
     */
    public long setAsideDuplicates() {
        return jdbc.update("""
                WITH duplicate AS (
                    DELETE FROM settlement_row s
                     USING (SELECT line_number, first_line
                              FROM (SELECT line_number,
                                           row_number() OVER (PARTITION BY balance_transaction_id ORDER BY line_number) AS nth,
                                           min(line_number) OVER (PARTITION BY balance_transaction_id) AS first_line
                                      FROM settlement_row WHERE report_date = ?) numbered
                             WHERE nth > 1) d
                     WHERE s.report_date = ? AND s.line_number = d.line_number
                    RETURNING s.*, d.first_line)
                INSERT INTO settlement_malformed_row (report_date, line_number, reason, raw)
                SELECT report_date, line_number,
                       'balance transaction ' || balance_transaction_id || ' is listed again (first on line ' || first_line || ')',
                       concat_ws(',', balance_transaction_id, type, payment_intent_id, payment_order_id, refund_id,
                                 amount_minor, fee_minor, net_minor, currency, created_at, dispute_id)
                  FROM duplicate""",
                reportDate, reportDate);
    }

    /**
     * Fresh statistics for the rows just staged: without them the planner takes a day's 100,000 new rows
     * for a handful and picks nested loops over them.
     */
    public void analyze() {
        jdbc.execute("ANALYZE settlement_row");
    }

    private void bind(PreparedStatement ps, SettlementRow row) throws SQLException {
        ps.setObject(1, reportDate);
        ps.setLong(2, row.lineNumber());
        ps.setString(3, row.balanceTransactionId());
        ps.setString(4, row.type().code());
        ps.setString(5, row.paymentIntentId());
        ps.setString(6, row.paymentOrderId());
        ps.setString(7, row.refundId());
        ps.setString(8, row.disputeId());
        ps.setLong(9, row.amountMinor());
        ps.setLong(10, row.feeMinor());
        ps.setLong(11, row.netMinor());
        ps.setString(12, row.currency());
        ps.setObject(13, row.createdAt().atOffset(ZoneOffset.UTC));
    }
}
