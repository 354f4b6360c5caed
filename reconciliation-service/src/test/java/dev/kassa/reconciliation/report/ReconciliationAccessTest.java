package dev.kassa.reconciliation.report;

import static dev.kassa.reconciliation.support.ReportClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.testfixtures.AnonymousWalk;
import dev.kassa.testfixtures.KeyedHttp;
import dev.kassa.testfixtures.MappedEndpoints.Endpoint;
import dev.kassa.reconciliation.support.ReconciliationTestBase;
import dev.kassa.reconciliation.support.ReportClient;
import dev.kassa.reconciliation.support.BalanceTransactions;
import dev.kassa.testfixtures.TestKeys;
import dev.kassa.testfixtures.contract.ApiContract;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Identity and access of the running service as a client meets it (docs/architecture.md §11), and the shared
 * input rules at its edge (docs/errors.md): every endpoint refuses an anonymous caller, health tells anyone UP or
 * DOWN and only operators its components; every operator role reads the reports, FINANCE alone starts a run; the
 * trigger takes JSON only, and a body over the limit is a 413 before anything reads it. Shares the one test
 * context of {@link ReconciliationTestBase}.
 */
class ReconciliationAccessTest extends ReconciliationTestBase {

    @Autowired
    ApplicationContext context;

    /** Raw HTTP for what ReportClient cannot send, its exchanges checked against the API document too. */
    private KeyedHttp raw() {
        return new KeyedHttp(port, ApiContract.of(ReportClient.SERVICE));
    }

    @Test
    void everyMappedEndpointRefusesAnAnonymousCallerAndHealthAnswersWithoutDetails() {
        List<Endpoint> endpoints = AnonymousWalk.everyEndpointRefusesAnonymousCallers(context, raw(),
                Map.of(
                "date", "2026-01-01", "requiredMetricName", "jvm.memory.used", "path", "db"));
        assertThat(endpoints).extracting(Endpoint::toString).contains("GET /api/v1/reconciliations",
                "POST /api/v1/reconciliations", "GET /api/v1/reconciliations/2026-01-01",
                "GET /api/v1/reconciliations/2026-01-01.csv", "POST /admin/dead-letters/replay",
                "GET /actuator/prometheus");
    }

    @Test
    void healthShowsItsComponentsToOperatorsOnly() {
        AnonymousWalk.healthShowsItsComponentsToOperatorsOnly(raw());
    }

    @Test
    void everyOperatorRoleReadsTheReportsButOnlyFinanceStartsARun() {
        LocalDate day = uniqueDay();
        PSP.serve(day, new BalanceTransactions());
        String run = "{\"date\":\"" + day + "\"}";

        ResponseEntity<String> byViewer = client(TestKeys.VIEWER).post(run);
        assertProblem(byViewer, 403, "forbidden");
        ResponseEntity<String> byOperator = client(TestKeys.OPERATOR).post(run);
        assertProblem(byOperator, 403, "forbidden");
        assertThat(client(TestKeys.VIEWER).get("/api/v1/reconciliations/" + day).getStatusCode().value())
                .as("no run was started").isEqualTo(404);

        ResponseEntity<String> byFinance = client(TestKeys.FINANCE).post(run);
        assertThat(byFinance.getStatusCode().value()).as(byFinance.getBody()).isEqualTo(200);

        for (String key : new String[] {TestKeys.VIEWER, TestKeys.FINANCE, TestKeys.OPERATOR}) {
            ReportClient reader = client(key);
            for (String path : List.of("/api/v1/reconciliations", "/api/v1/reconciliations/" + day,
                    "/api/v1/reconciliations/" + day + ".csv")) {
                assertThat(reader.get(path).getStatusCode().value()).as(key + " " + path).isEqualTo(200);
            }
        }
    }

    @Test
    void aMerchantLikeKeyIsUnknownHere() {
        // reconciliation-service knows no merchant keys: an sk_ key is a credential nobody here can check
        HttpResponse<String> read = send("GET", "/api/v1/reconciliations", "sk_live_AbCdEfGhIjKlMnOpQrStUvWxYz012345",
                null);
        assertThat(read.statusCode()).isEqualTo(401);
        assertThat(read.body()).contains("https://kassa.dev/problems/unauthenticated");
        assertThat(read.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer error=\"invalid_token\""));
        assertThat(send("POST", "/api/v1/reconciliations", "sk_test_kassa", "{\"date\":\"2026-01-01\"}").statusCode())
                .as("not even the PSP's API key").isEqualTo(401);
    }

    /** Only application/json starts a run: what a plain HTML form can send (text/plain, a form) is a 415. */
    @Test
    void theTriggerTakesJsonOnly() {
        LocalDate day = uniqueDay();
        PSP.serve(day, new BalanceTransactions());
        String run = "{\"date\":\"" + day + "\"}";

        for (MediaType type : List.of(MediaType.TEXT_PLAIN, MediaType.APPLICATION_FORM_URLENCODED)) {
            ResponseEntity<String> response = api.post(run, type, null);

            assertThat(response.getStatusCode().value()).as(type + ": " + response.getBody()).isEqualTo(415);
            assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        }
        assertThat(api.get("/api/v1/reconciliations/" + day).getStatusCode().value()).as("no run was started")
                .isEqualTo(404);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413BeforeAnythingReadsIt() {
        String body = "{\"date\":\"" + "x".repeat(65 * 1024) + "\"}";
        for (String key : new String[] {TestKeys.FINANCE, TestKeys.VIEWER, null}) {
            HttpResponse<String> response = send("POST", "/api/v1/reconciliations", key, body);

            assertThat(response.statusCode()).as(key + ": " + response.body()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).contains("https://kassa.dev/problems/body-too-large", "\"field\":\"body\"");
        }
    }

    private static void assertProblem(ResponseEntity<String> response, int status, String slug) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(json(response.getBody()).get("type").asString()).isEqualTo("https://kassa.dev/problems/" + slug);
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String key, String jsonBody) {
        return raw().send(method, pathAndQuery, key, jsonBody);
    }
}
