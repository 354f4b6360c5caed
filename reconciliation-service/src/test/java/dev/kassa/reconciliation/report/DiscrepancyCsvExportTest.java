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
                -500L, "USD", null, -700L, "USD", null, "=detail, with a comma\nand a line break", null, null, null);

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

    @Test
    void aDisputeFindingHasItsDisputeAndFeeInColumnsAddedAfterTheOldOnes() throws Exception {
        Discrepancy withdrawal = new Discrepancy(DAY, DiscrepancyType.DISPUTE_UNKNOWN, "DISPUTE", "po-1", "pi_1", null,
                "txn_dp", "seller-1", 4L, null, null, "NONE", 2999L, "USD", "WITHDRAWN",
                "The PSP withdrew … for dispute dp_1 …", "dp_1", null, 1500L);
        Discrepancy reversal = new Discrepancy(DAY, DiscrepancyType.DISPUTE_UNKNOWN, "DISPUTE", "po-1", "pi_1", null,
                "txn_dr", "seller-1", 5L, null, null, "NONE", 2999L, "USD", "REINSTATED",
                "The PSP reinstated … of dispute dp_1 …", "dp_1", null, -1500L);

        List<CSVRecord> records = export(withdrawal, reversal);

        assertThat(records.getFirst().getParser().getHeaderNames()).as("old columns keep their positions")
                .startsWith("report_date", "type", "payment_order_id",
                        "psp_reference", "refund_id", "balance_transaction_id", "seller_account", "line_number",
                        "currency", "expected", "actual", "expected_minor", "actual_minor", "detail")
                .endsWith("detail", "dispute_id", "expected_fee_minor", "actual_fee_minor");
        assertThat(records.get(0).get("type")).isEqualTo("DISPUTE_UNKNOWN");
        assertThat(records.get(0).get("dispute_id")).isEqualTo("dp_1");
        assertThat(records.get(0).get("expected")).isEqualTo("none");
        assertThat(records.get(0).get("actual")).isEqualTo("WITHDRAWN 29.99 USD, fee 15.00 USD");
        assertThat(records.get(0).get("actual_minor")).isEqualTo("2999");
        assertThat(records.get(0).get("expected_fee_minor")).isEmpty();
        assertThat(records.get(0).get("actual_fee_minor")).isEqualTo("1500");
        assertThat(records.get(1).get("actual")).as("a returned fee is negative, and text")
                .isEqualTo("REINSTATED 29.99 USD, fee -15.00 USD");
        assertThat(records.get(1).get("actual_fee_minor")).isEqualTo("-1500");
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
