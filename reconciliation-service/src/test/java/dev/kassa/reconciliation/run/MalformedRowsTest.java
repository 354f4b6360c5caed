package dev.kassa.reconciliation.run;

import static dev.kassa.reconciliation.support.ReportClient.discrepancies;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.reconciliation.support.ReconciliationTestBase;
import dev.kassa.reconciliation.support.BalanceTransactions;
import dev.kassa.reconciliation.support.TestPayment;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Transactions the job cannot map ("malformed rows") are reported in the report with their line and reason; the run goes on without them. */
class MalformedRowsTest extends ReconciliationTestBase {

    @Test
    void malformedRowsAreReportedAndTheValidRowsStillMatch() {
        LocalDate day = uniqueDay();
        TestPayment first = TestPayment.of(seller(), 2999, "USD", at(day, 8));
        TestPayment second = TestPayment.of(seller(), 1500, "USD", at(day, 9));
        settledInPlatform(first, second);
        PSP.serve(day, new BalanceTransactions()
                .charge(first)                                                                     // 1
                .raw("""
                        {"id":"txn_bad_amount","type":"charge","amount":"12.50","fee":0,"net":1250,"currency":"usd",
                         "created":1767225600,"source":{"payment_intent":"pi_x","metadata":{"payment_order_id":"po-x"}}}
                        """)                                                                       // 2
                .raw("""
                        {"id":"txn_payout","type":"adjustment","amount":-100,"fee":0,"net":-100,"currency":"usd",
                         "created":1767225600,"source":{"id":"adj_1"}}
                        """)                                                                       // 3
                .raw("""
                        {"id":"txn_currency","type":"charge","amount":100,"fee":0,"net":100,"currency":"xx",
                         "created":1767225600,"source":{"payment_intent":"pi_z","metadata":{"payment_order_id":"po-z"}}}
                        """)                                                                       // 4
                .charge(second)                                                                    // 5
                .charge(second));                                                                  // 6: listed twice

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
                "2 amount is not an integer",
                "3 adjustment of reporting category '' is not a dispute's withdrawal or reversal",
                "4 currency 'XX' is not an ISO 4217 code with minor units",
                "6 balance transaction txn_" + second.pspReference() + " is listed again (first on line 5)");
        assertThat(report.get("malformed_rows").get(1).get("raw").asString())
                .as("the transaction as the PSP listed it").contains("\"id\":\"txn_payout\"");
        assertThat(jdbc.sql("SELECT DISTINCT report_date FROM settlement_row WHERE report_date < current_date - 35")
                        .query(LocalDate.class).list())
                .as("files staged for days long past are forgotten by the next run").containsExactly(day);
    }
}
