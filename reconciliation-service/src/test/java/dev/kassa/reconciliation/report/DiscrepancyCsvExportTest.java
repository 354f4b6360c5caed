package dev.kassa.reconciliation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import dev.kassa.reconciliation.discrepancy.Discrepancy;
import dev.kassa.reconciliation.discrepancy.DiscrepancyType;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CSV export's cells as a spreadsheet reads them: no text cell is a formula, numbers stay numbers. */
@Tag("fast")
class DiscrepancyCsvExportTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1", "\0=1", "-5.00 USD",
            "=cmd|' /C calc'!A0"})
    void aTextCellASpreadsheetWouldEvaluateGetsALeadingQuote(String value) {
        assertThat(SpreadsheetCells.text(value)).isEqualTo("'" + value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"po_1", "SUCCEEDED 12.34 USD", "none", " =1", "'=1", "The PSP charged =1", "ＡＢＣ"})
    void anyOtherTextIsLeftAsItIs(String value) {
        assertThat(SpreadsheetCells.text(value)).isEqualTo(value);
    }

    @Test
    void anEmptyCellStaysEmpty() {
        assertThat(SpreadsheetCells.text(null)).isNull();
        assertThat(SpreadsheetCells.text("")).isEmpty();
    }

    @Test
    void theExportNeutralisesEveryTextCellAndWritesAmountsAsPlainNumbers() throws Exception {
        Discrepancy balance = new Discrepancy(DAY, DiscrepancyType.WALLET_LEDGER_MISMATCH, "SELLER_BALANCE",
                "=HYPERLINK(\"https://evil.example\",\"x\")", "@psp", "+rf", "-txn", "=seller", null,
                -500L, "USD", null, -700L, "USD", null, "=detail, with a comma\nand a line break");

        List<CSVRecord> records = export(balance);

        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.get("report_date")).isEqualTo("2026-11-20");
            assertThat(r.get("type")).isEqualTo("WALLET_LEDGER_MISMATCH");
            assertThat(r.get("payment_order_id")).isEqualTo("'=HYPERLINK(\"https://evil.example\",\"x\")");
            assertThat(r.get("psp_reference")).isEqualTo("'@psp");
            assertThat(r.get("refund_id")).isEqualTo("'+rf");
            assertThat(r.get("balance_transaction_id")).isEqualTo("'-txn");
            assertThat(r.get("seller_account")).isEqualTo("'=seller");
            assertThat(r.get("line_number")).isEmpty();
            assertThat(r.get("currency")).isEqualTo("USD");
            // the rendered amounts are text for people; the minor units are the numbers a spreadsheet sums
            assertThat(r.get("expected")).isEqualTo("'-5.00 USD");
            assertThat(r.get("actual")).isEqualTo("'-7.00 USD");
            assertThat(r.get("expected_minor")).isEqualTo("-500");
            assertThat(r.get("actual_minor")).isEqualTo("-700");
            assertThat(r.get("detail")).isEqualTo("'=detail, with a comma\nand a line break");
        });
    }

    private static List<CSVRecord> export(Discrepancy... findings) throws Exception {
        ReportQueries reports = mock(ReportQueries.class);
        doAnswer(call -> {
            Consumer<Discrepancy> action = call.getArgument(1);
            List.of(findings).forEach(action);
            return null;
        }).when(reports).eachDiscrepancy(eq(DAY), any());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new DiscrepancyCsvExport(reports).body(DAY).writeTo(out);

        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(out.toString(StandardCharsets.UTF_8))).getRecords();
    }
}
