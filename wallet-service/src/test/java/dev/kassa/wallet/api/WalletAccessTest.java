package dev.kassa.wallet.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.testfixtures.TestKeys;
import dev.kassa.testfixtures.AnonymousWalk;
import dev.kassa.testfixtures.KeyedHttp;
import dev.kassa.testfixtures.contract.ApiContract;
import dev.kassa.testfixtures.MappedEndpoints.Endpoint;
import dev.kassa.wallet.support.WalletServiceTest;
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
 * DOWN and only operators its components, a control character in a parameter is a 400 problem, and a body over
 * the limit is a 413 wherever it is sent. Raw HTTP, so that what Tomcat and the security filters do is included.
 */
class WalletAccessTest extends WalletServiceTest {

    @Autowired
    ApplicationContext context;

    @Test
    void everyMappedEndpointRefusesAnAnonymousCallerAndHealthAnswersWithoutDetails() {
        List<Endpoint> endpoints = AnonymousWalk.everyEndpointRefusesAnonymousCallers(context, new KeyedHttp(port, ApiContract.of("wallet-service")),
                Map.of(
                "account_id", "seller_1", "requiredMetricName", "jvm.memory.used", "path", "db"));
        assertThat(endpoints).extracting(Endpoint::pattern).contains("/api/v1/wallets", "/api/v1/wallets/{account_id}",
                "/api/v1/wallets/{account_id}/movements", "/admin/dead-letters/replay", "/actuator/prometheus");
    }

    @Test
    void healthShowsItsComponentsToOperatorsOnly() {
        AnonymousWalk.healthShowsItsComponentsToOperatorsOnly(new KeyedHttp(port, ApiContract.of("wallet-service")));
    }

    @Test
    void everyOperatorRoleReadsWalletsAndAMerchantKeyPaymentServiceDoesNotKnowIsRefused() {
        for (String key : new String[] {TestKeys.VIEWER, TestKeys.FINANCE, TestKeys.OPERATOR}) {
            assertThat(send("GET", "/api/v1/wallets?below_zero=true", key, null).statusCode()).as(key).isEqualTo(200);
        }
        // wallet-service asks payment-service whose an sk_ key is; this one is nobody's
        HttpResponse<String> merchant = send("GET", "/api/v1/wallets?below_zero=true",
                "sk_test_AbCdEfGhIjKlMnOpQrStUvWxYz012345", null);
        assertThat(merchant.statusCode()).isEqualTo(401);
        assertThat(merchant.body()).contains("https://kassa.dev/problems/unauthenticated");
        assertThat(merchant.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer error=\"invalid_token\""));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/api/v1/wallets/seller%1B1/movements           | account_id",
            "/api/v1/wallets/seller_1%C2%85                 | account_id",
            "/api/v1/wallets/seller_1/movements?cursor=%00  | cursor",
            "/api/v1/wallets/seller_1/movements?cursor=bTEuMQ%00 | cursor",
            "/api/v1/wallets/seller_1/movements?limit=1%00  | limit",
            "/api/v1/wallets?below_zero=%00                 | below_zero",
            "/api/v1/wallets?below_zero=true%0A             | below_zero",
            "/api/v1/wallets?below%00zero=true              | below_zero",
            "/api/v1/wallets?below_zero=true&limit=%7F      | limit"})
    void aControlCharacterInAPathVariableOrQueryParameterIsA400ProblemNamingIt(String pathAndQuery, String field) {
        HttpResponse<String> response = send("GET", pathAndQuery, TestKeys.VIEWER, null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"https://kassa.dev/problems/invalid-request\"",
                "\"field\":\"" + field + "\"");
    }

    /**
     * A parameter the API does not know is ignored, whatever its name holds. It once answered 500: a {@code params}
     * mapping condition read every name, and Spring Security's firewall refuses a control character in one only
     * when it is read, by throwing (the web module's handler should answer that with a 400 too).
     */
    @ParameterizedTest
    @ValueSource(strings = {"x%00y", "x%1B", "%7F"})
    void anUnknownParameterIsIgnoredEvenWithAControlCharacterInItsName(String name) {
        assertThat(send("GET", "/api/v1/wallets?below_zero=true&" + name + "=1", TestKeys.VIEWER, null).statusCode())
                .isEqualTo(200);
        HttpResponse<String> movements = send("GET", "/api/v1/wallets/seller_never_paid/movements?" + name + "=1",
                TestKeys.VIEWER, null);
        assertThat(movements.statusCode()).as(movements.body()).isEqualTo(404);
        assertThat(movements.body()).contains("https://kassa.dev/problems/not-found");
    }

    /** Tomcat refuses a NUL in the path itself, before any filter or controller of the service runs. */
    @Test
    void aNulInThePathIsRefusedWith400BeforeTheServiceSeesIt() {
        assertThat(send("GET", "/api/v1/wallets/seller_1%00", TestKeys.VIEWER, null).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/api/v1/wallets/seller_1%00/movements", TestKeys.VIEWER, null).statusCode())
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
        return new KeyedHttp(port, ApiContract.of("wallet-service")).send(method, pathAndQuery, key, jsonBody);
    }
}
