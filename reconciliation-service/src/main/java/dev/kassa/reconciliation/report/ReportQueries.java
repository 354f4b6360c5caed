package dev.kassa.reconciliation.report;

import dev.kassa.reconciliation.discrepancy.Discrepancy;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the rows of a report: its totals, findings and malformed lines. Set-based: what the runner's matching
 * SQL wrote for the whole day, read in report order with a limit or a cursor, never one finding at a time.
 */
@Repository
public class ReportQueries {

    private final JdbcClient jdbc;

    ReportQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CurrencyTotal> totals(LocalDate date) {
        return jdbc.sql("SELECT * FROM currency_total WHERE report_date = :date ORDER BY currency")
                .param("date", date)
                .query((rs, n) -> CurrencyTotal.of(rs.getString("currency"), rs.getLong("psp_count"),
                        rs.getLong("psp_gross_minor"), rs.getLong("psp_fee_minor"), rs.getLong("psp_net_minor"),
                        rs.getLong("expected_count"), rs.getLong("expected_gross_minor"),
                        new CurrencyTotal.Disputes(rs.getLong("psp_dispute_count"), rs.getLong("psp_dispute_gross_minor"),
                                rs.getLong("psp_dispute_fee_minor"), rs.getLong("psp_dispute_net_minor"))))
                .list();
    }

    public List<Discrepancy> discrepancies(LocalDate date, int limit) {
        return jdbc.sql("SELECT " + Discrepancy.COLUMNS + " FROM discrepancy WHERE report_date = :date ORDER BY "
                        + Discrepancy.ORDER + " LIMIT :limit")
                .param("date", date)
                .param("limit", limit)
                .query(Discrepancy::fromRow).list();
    }

    /** Every finding of the day, one at a time from a cursor: memory does not grow with the report. */
    @Transactional(readOnly = true)
    public void eachDiscrepancy(LocalDate date, Consumer<Discrepancy> action) {
        try (Stream<Discrepancy> rows = jdbc.sql("SELECT " + Discrepancy.COLUMNS
                        + " FROM discrepancy WHERE report_date = :date ORDER BY " + Discrepancy.ORDER)
                .withFetchSize(500)
                .param("date", date)
                .query(Discrepancy::fromRow).stream()) {
            rows.forEach(action);
        }
    }

    public List<MalformedRow> malformedRows(LocalDate date, int limit) {
        return jdbc.sql("""
                        SELECT line_number, reason, raw FROM settlement_malformed_row
                         WHERE report_date = :date ORDER BY line_number LIMIT :limit""")
                .param("date", date)
                .param("limit", limit)
                .query((rs, n) -> new MalformedRow(rs.getLong("line_number"), rs.getString("reason"), rs.getString("raw")))
                .list();
    }
}
