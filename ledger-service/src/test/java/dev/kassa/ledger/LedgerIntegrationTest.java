package dev.kassa.ledger;

import dev.kassa.ledger.posting.PostingService;
import dev.kassa.ledger.support.Ledger;
import dev.kassa.localstack.LocalStackSpring;
import dev.kassa.testfixtures.MerchantKeysEndpoint;
import dev.kassa.testfixtures.TestKeys;
import dev.kassa.testfixtures.contract.ApiContract;
import dev.kassa.testfixtures.contract.ContractInterceptor;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Base of every integration test: one application context for the whole test JVM (same configuration, so
 * Spring's context cache reuses it) against local-stack's real Kafka broker and a fresh PostgreSQL
 * database. Tests share that database, so each one uses its own sellers and payment order ids.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        // Short retries: these tests are about what happens, not about the production backoff.
        "kassa.messaging.consumer.backoff=200ms,400ms",
        // Every refusal of these tests comes from 127.0.0.1 and counts against that address's failed
        // authentications; the limit itself is the web module's to test.
        "kassa.security.rate-limit.failed-auth-per-minute=1000",
})
public abstract class LedgerIntegrationTest {

    /** payment-service as ledger-service asks it whose a merchant key is; one per JVM, like the Spring context. */
    protected static final MerchantKeysEndpoint PAYMENT_SERVICE = MerchantKeysEndpoint.start();

    /** The test JVM's ledger database (one, like the Spring context). */
    protected static String database;

    @DynamicPropertySource
    static void localStack(DynamicPropertyRegistry registry) {
        database = LocalStackSpring.register(registry, "ledger");
        registry.add("kassa.security.merchant-keys.verify-url", PAYMENT_SERVICE::baseUrl);
    }

    /** docs/api/ledger-service.json: every request and response of the tests is checked against it. */
    protected static final ApiContract CONTRACT = ApiContract.of("ledger-service");

    /** A JSON object as maps, lists, strings, numbers and booleans. */
    protected static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    private PostingService postings;

    /** Posts straight through the posting service, for tests about reading the ledger. */
    protected Ledger ledger() {
        return new Ledger(postings);
    }

    /** The API as an operator with the VIEWER role, who reads everything the ledger shows; every status returned. */
    protected RestClient http() {
        return http(TestKeys.VIEWER);
    }

    /** The API with one of the tests' operator keys ({@link TestKeys}) or merchant keys ({@link MerchantKeysEndpoint}). */
    protected RestClient http(String key) {
        return anonymousClient().defaultHeader(HttpHeaders.AUTHORIZATION, TestKeys.bearer(key)).build();
    }

    /** The API without credentials. */
    protected RestClient anonymous() {
        return anonymousClient().build();
    }

    private RestClient.Builder anonymousClient() {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .requestInterceptor(new ContractInterceptor(CONTRACT))
                .defaultStatusHandler(status -> true, (request, response) -> { });
    }
}
