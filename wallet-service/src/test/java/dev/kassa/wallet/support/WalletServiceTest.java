package dev.kassa.wallet.support;

import dev.kassa.localstack.LocalStackSpring;
import dev.kassa.testfixtures.EventProducer;
import dev.kassa.testfixtures.MerchantKeysEndpoint;
import dev.kassa.testfixtures.TestKeys;
import dev.kassa.testfixtures.contract.ContractInterceptor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Base of the wallet-service tests: the real application against the JVM's shared local-stack (Kafka broker
 * and PostgreSQL). Every subclass has the same configuration, so Spring's context cache starts ONE
 * application (one database, one consumer group) for all of them; tests isolate themselves with their own
 * seller accounts and payment order ids.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
// @ActiveProfiles replaces the build's spring.profiles.active, so it names the build's two profiles again: the
// local test secrets and the tests' operator keys (dev.kassa.testfixtures.TestKeys), then this module's settings.
@ActiveProfiles({"local", "testkeys", "test"})
public abstract class WalletServiceTest {

    protected static EventProducer producer;

    /** Every request and response of the tests, checked against docs/api/wallet-service.json. */
    private static final ContractInterceptor CONTRACT = ContractInterceptor.of("wallet-service");

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    /** payment-service as wallet-service asks it whose a merchant key is; one per JVM, like the Spring context. */
    protected static final MerchantKeysEndpoint PAYMENT_SERVICE = MerchantKeysEndpoint.start();

    /** The JVM's wallet database (one, like the Spring context). */
    private static String database;

    @DynamicPropertySource
    static void localStack(DynamicPropertyRegistry registry) {
        database = LocalStackSpring.register(registry, "wallet");
        registry.add("kassa.security.merchant-keys.verify-url", PAYMENT_SERVICE::baseUrl);
    }

    /**
     * The database's owner, for what a test does around the service (a trigger that simulates an outage): the
     * service's own connections ({@link #jdbc}, the runtime role) may not change the schema.
     */
    protected static JdbcClient asOwner() {
        return JdbcClient.create(dev.kassa.localstack.LocalStack.shared().ownerDataSource(database));
    }

    @BeforeAll
    static void openProducer() {
        producer = new EventProducer(dev.kassa.localstack.LocalStack.shared().kafka().superUserClientProperties());
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    /** The API as an operator with the VIEWER role: every read of the service is open to it. */
    protected RestTestClient http() {
        return http(TestKeys.VIEWER);
    }

    /** The API with one of the tests' operator keys ({@link TestKeys}) or merchant keys ({@link MerchantKeysEndpoint}). */
    protected RestTestClient http(String key) {
        return RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .requestInterceptor(CONTRACT)
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestKeys.bearer(key)).build();
    }

    /** The API without credentials. */
    protected RestTestClient anonymous() {
        return RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).requestInterceptor(CONTRACT).build();
    }

    protected long balanceMinor(String account, String currency) {
        return jdbc.sql("SELECT balance_minor FROM wallet_balance WHERE account_id = ? AND currency = ?")
                .params(account, currency).query(Long.class).optional().orElse(0L);
    }

    protected long movementCount(String account) {
        return jdbc.sql("SELECT count(*) FROM wallet_movement WHERE account_id = ?")
                .param(account).query(Long.class).single();
    }

    protected long movementCountForSourceEvent(String eventId) {
        return jdbc.sql("SELECT count(*) FROM wallet_movement WHERE source_event_id = ?")
                .param(eventId).query(Long.class).single();
    }

    protected boolean inInbox(String eventId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM processed_message WHERE consumer = 'wallet-service' AND event_id = ?)")
                .param(eventId).query(Boolean.class).single();
    }
}
