package dev.kassa.reconciliation.run;

import static dev.kassa.reconciliation.support.ReportClient.discrepancies;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.reconciliation.support.ReconciliationTestBase;
import dev.kassa.reconciliation.support.SettlementCsv;
import dev.kassa.reconciliation.support.TestPayment;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Malformed rows are reported in the report with their line and reason; the run goes on without them. */
class MalformedRowsTest extends ReconciliationTestBase {

    @Test
    void malformedRowsAreReportedAndTheValidRowsStillMatch() {
        LocalDate day = uniqueDay();
        TestPayment first = TestPayment.of(seller(), 2999, "USD", at(day, 8));
        TestPayment second = TestPayment.of(seller(), 1500, "USD", at(day, 9));
        settledInPlatform(first, second);
        PSP.serve(day, new SettlementCsv()
                .charge(first)                                                            // line 2
                .raw("txn_bad_amount,charge,pi_x,po-x,,12.50,0,1250,USD,2026-01-01T00:00:00Z") // line 3
                .raw("txn_short,charge,pi_y")                                             // line 4
                .raw("txn_quote,charge,\"pi_z,po-z,,100,0,100,USD,2026-01-01T00:00:00Z")  // line 5
                .charge(second)                                                           // line 6
                .charge(second)                                                           // line 7: listed twice
                .render());

        JsonNode report = api.run(day);

        assertThat(report.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(report.get("rows_read").asLong()).isEqualTo(6);
        assertThat(report.get("matched_count").asLong()).isEqualTo(2);
        assertThat(report.get("malformed_count").asLong()).isEqualTo(4);
        assertThat(discrepancies(report)).isEmpty();
        List<String> malformed = new ArrayList<>();
        for (JsonNode row : report.get("malformed_rows")) {
            malformed.add(row.get("line_number").asLong() + " " + row.get("reason").asString());
        }
        assertThat(malformed).containsExactly(
                "3 amount '12.50' is not an integer number of minor units",
                "4 expected 10 columns, found 3",
                "5 not valid CSV: EOF reached before encapsulated token finished",
                "7 balance transaction txn_" + second.pspReference() + " is listed again (first on line 6)");
        assertThat(report.get("malformed_rows").get(1).get("raw").asString()).isEqualTo("txn_short,charge,pi_y");
        assertThat(jdbc.sql("SELECT DISTINCT report_date FROM settlement_row WHERE report_date < current_date - 35")
                        .query(LocalDate.class).list())
                .as("files staged for days long past are forgotten by the next run").containsExactly(day);
    }
}
