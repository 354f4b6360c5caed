package dev.kassa.reconciliation.report;

import static dev.kassa.reconciliation.report.SpreadsheetCells.text;

import dev.kassa.reconciliation.discrepancy.Discrepancy;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /api/v1/reconciliations/{date}.csv}: every finding of the day, written with Commons CSV
 * straight from a database cursor to the response. Text cells that a spreadsheet would evaluate are neutralised
 * ({@link SpreadsheetCells}); numbers are written as numbers. Columns added later go last ({@code dispute_id} and
 * the fees), so a reader that takes columns by position still finds the others where they were.
 */
@Component
class DiscrepancyCsvExport {

    static final String[] HEADER = {"report_date", "type", "payment_order_id", "psp_reference", "refund_id",
            "balance_transaction_id", "seller_account", "line_number", "currency", "expected", "actual",
            "expected_minor", "actual_minor", "detail", "dispute_id", "expected_fee_minor", "actual_fee_minor"};

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader(HEADER)
            .setRecordSeparator("\n")
            .get();

    private final ReportQueries reports;

    DiscrepancyCsvExport(ReportQueries reports) {
        this.reports = reports;
    }

    StreamingResponseBody body(LocalDate date) {
        return out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (CSVPrinter printer = new CSVPrinter(writer, FORMAT)) {
                reports.eachDiscrepancy(date, d -> print(printer, d));
            }
        };
    }

    private static void print(CSVPrinter printer, Discrepancy d) {
        try {
            printer.printRecord(d.reportDate(), d.type(), text(d.paymentOrderId()), text(d.pspReference()),
                    text(d.refundId()), text(d.balanceTransactionId()), text(d.sellerAccount()), d.lineNumber(),
                    text(d.currency()), text(d.expected()), text(d.actual()), d.expectedMinor(), d.actualMinor(),
                    text(d.detail()), text(d.disputeId()), d.expectedFeeMinor(), d.actualFeeMinor());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
