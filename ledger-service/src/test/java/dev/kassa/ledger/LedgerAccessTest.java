package dev.kassa.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.testfixtures.AnonymousWalk;
import dev.kassa.testfixtures.KeyedHttp;
import dev.kassa.testfixtures.MappedEndpoints.Endpoint;
import dev.kassa.testfixtures.TestEvents;
import dev.kassa.testfixtures.TestKeys;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Identity and access of the running service as a client meets it (docs/architecture.md §11), and the shared
 * input rules at its edge (docs/errors.md): every endpoint refuses an anonymous caller, health tells anyone UP or
 * DOWN and only operators its components, a control character in a filter is a 400 problem, never a 500, and a
 * body over the limit is a 413 wherever it is sent. Raw HTTP, so that what Tomcat and the security filters do is
 * included. Shares the one test context of {@link LedgerIntegrationTest}.
 */
class LedgerAccessTest extends LedgerIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void everyMappedEndpointRefusesAnAnonymousCallerAndHealthAnswersWithoutDetails() {
        List<Endpoint> endpoints = AnonymousWalk.everyEndpointRefusesAnonymousCallers(context, raw(), Map.of(
                "account_id", "psp_receivable", "requiredMetricName", "jvm.memory.used", "path", "db"));
        assertThat(endpoints).extracting(Endpoint::pattern).contains("/api/v1/ledger/accounts/{account_id}",
                "/api/v1/ledger/entries", "/api/v1/ledger/trial-balance", "/admin/dead-letters/replay",
                "/actuator/prometheus");
    }

    @Test
    void healthShowsItsComponentsToOperatorsOnly() {
        AnonymousWalk.healthShowsItsComponentsToOperatorsOnly(raw());
    }

    @Test
    void everyOperatorRoleReadsTheLedgerAndAMerchantLikeKeyIsUnknownHere() {
        String seller = TestEvents.id("seller");
        ledger().payment(TestEvents.id("po"), seller, 100, "USD");
        for (String key : new String[] {TestKeys.VIEWER, TestKeys.FINANCE, TestKeys.OPERATOR}) {
            for (String path : List.of("/api/v1/ledger/accounts/seller_payable:" + seller,
                    "/api/v1/ledger/entries?account_id=seller_payable:" + seller, "/api/v1/ledger/trial-balance")) {
                assertThat(send("GET", path, key, null).statusCode()).as(key + " " + path).isEqualTo(200);
            }
        }
        // ledger-service asks payment-service whose an sk_ key is; this one is nobody's
        HttpResponse<String> merchant = send("GET", "/api/v1/ledger/trial-balance",
                "sk_test_AbCdEfGhIjKlMnOpQrStUvWxYz012345", null);
        assertThat(merchant.statusCode()).isEqualTo(401);
        assertThat(merchant.body()).contains("https://kassa.dev/problems/unauthenticated");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/api/v1/ledger/entries?account_id=%00                        | account_id",
            "/api/v1/ledger/entries?account_id=seller_payable:a%00b       | account_id",
            "/api/v1/ledger/entries?account_id=seller_payable:a%1Bb       | account_id",
            "/api/v1/ledger/entries?account_id=seller_payable:a%C2%85b    | account_id",
            "/api/v1/ledger/entries?account_id=psp_receivable%0A          | account_id",
            "/api/v1/ledger/entries?payment_order_id=po%00                | payment_order_id",
            "/api/v1/ledger/entries?payment_order_id=%7F                  | payment_order_id",
            "/api/v1/ledger/entries?cursor=%00                            | cursor",
            "/api/v1/ledger/entries?limit=1%00                            | limit",
            "/api/v1/ledger/accounts/seller_payable:a%1Bb                 | account_id",
            "/api/v1/ledger/accounts/seller_payable:a%C2%85b              | account_id"})
    void aControlCharacterInAFilterOrAccountIdIsA400ProblemNamingIt(String pathAndQuery, String field) {
        HttpResponse<String> response = send("GET", pathAndQuery, TestKeys.VIEWER, null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"https://kassa.dev/problems/invalid-request\"",
                "\"field\":\"" + field + "\"");
    }

    /**
     * A parameter the API does not know is ignored, whatever it holds, as in every Kassa API: {@code account} is not
     * a filter of the entries ({@code account_id} is), so {@code ?account=%00} lists the entries unfiltered.
     */
    @ParameterizedTest
    @ValueSource(strings = {"account=%00", "account=seller_payable:a%00b", "x%00y=1", "%1B=1"})
    void anUnknownParameterIsIgnoredWhateverItHolds(String query) {
        HttpResponse<String> response = send("GET", "/api/v1/ledger/entries?limit=1&" + query, TestKeys.VIEWER, null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).startsWith("{\"entries\":");
    }

    /** Tomcat refuses a NUL in the path itself, before any filter or controller of the service runs. */
    @Test
    void aNulInThePathIsRefusedWith400BeforeTheServiceSeesIt() {
        assertThat(send("GET", "/api/v1/ledger/accounts/seller_payable:a%00b", TestKeys.VIEWER, null).statusCode())
                .isEqualTo(400);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413BeforeAnythingReadsIt() {
        String body = "{\"topic\":\"" + "x".repeat(70 * 1024) + "\"}";
        for (String key : new String[] {TestKeys.OPERATOR, null}) {
            HttpResponse<String> response = send("POST", "/admin/dead-letters/replay", key, body);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).contains("https://kassa.dev/problems/body-too-large", "\"field\":\"body\"");
        }
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String key, String jsonBody) {
        return raw().send(method, pathAndQuery, key, jsonBody);
    }

    /** Raw HTTP whose every exchange is checked against the API contract too. */
    private KeyedHttp raw() {
        return new KeyedHttp(port, CONTRACT);
    }
}
