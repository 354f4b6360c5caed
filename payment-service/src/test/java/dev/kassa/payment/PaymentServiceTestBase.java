package dev.kassa.payment;

import dev.kassa.localstack.FreePort;
import dev.kassa.localstack.LocalStack;
import dev.kassa.localstack.LocalStackSpring;
import dev.kassa.payment.support.HttpApi;
import dev.kassa.payment.support.PspMock;
import dev.kassa.payment.support.TestMerchant;
import dev.kassa.schemas.Topics;
import dev.kassa.testfixtures.EventProducer;
import dev.kassa.testfixtures.TestKeys;
import dev.kassa.testfixtures.TopicRecorder;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every test class shares ONE application context (same configuration, so Spring's context cache reuses
 * it), one broker and one PostgreSQL (local-stack), and one psp-mock-service process, which boots while
 * the context does. The service runs on a port chosen up front, because psp-mock must know where to send
 * its webhooks when it starts.
 *
 * <p>Every request carries a key, as in production: {@link #api} is the tests' merchant (made once per JVM through
 * the admin API), {@link #operator} the OPERATOR of test-fixtures' {@link TestKeys}, {@link #anonymous} none.
 */
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT)
public abstract class PaymentServiceTestBase {

    protected static final int PORT = FreePort.pick();
    /** A second webhook secret the service accepts, as during a rotation (psp-mock signs with the first). */
    protected static final String ROTATED_SECRET = "whsec_next_kassa";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static TopicRecorder paymentResults;
    private static EventProducer events;
    private static TestMerchant merchant;

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        LocalStackSpring.register(registry, "payment");
        PspMock psp = PspMock.shared(PORT);
        registry.add("server.port", () -> PORT);
        registry.add("kassa.psp.base-url", psp::baseUrl);
        registry.add("kassa.psp.webhook-secrets", () -> PspMock.WEBHOOK_SECRET + "," + ROTATED_SECRET);
        registry.add("kassa.psp.read-timeout", () -> "3s");
        // Short retry delays: the tests are about the retry path, not its timing.
        registry.add("kassa.messaging.consumers.payment-service.backoff", () -> "200ms,400ms,800ms");
        // The janitor runs when a test calls it, never behind another test's back.
        registry.add("kassa.payment.janitor.enabled", () -> "false");
        registry.add("kassa.payment.janitor.age", () -> "1s");
        registry.add("kassa.messaging.outbox.poll-interval", () -> "100ms");
        // The tests send hundreds of requests, and many refused ones, from one address; the limits themselves are
        // the web module's, tested there.
        registry.add("kassa.security.rate-limit.enabled", () -> "false");
        // The tests share the PSP's test tokens and one buyer, and many of them are declined: the token and buyer
        // velocity rules would stop later tests' charges. RiskRulesTest runs those rules with properties of its own;
        // the address rule (no other test names an address) and an amount limit run here, end to end.
        registry.add("kassa.risk.velocity.token.block-after-failures", () -> "0");
        registry.add("kassa.risk.velocity.buyer.block-after-failures", () -> "0");
        registry.add("kassa.risk.velocity.address.block-after-failures", () -> "2");
        registry.add("kassa.risk.velocity.address.window", () -> "1h");
        registry.add("kassa.risk.velocity.address.block-for", () -> "3s");
        registry.add("kassa.risk.amount-limits.merchants." + RISK_LIMITED_MERCHANT + ".GBP", () -> "10000");
    }

    /** A merchant whose GBP charges above 100.00 the risk check stops (only RiskCheckTest creates it). */
    protected static final String RISK_LIMITED_MERCHANT = "m_risk_limited";

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected CircuitBreaker pspCircuitBreaker;

    protected final HttpApi anonymous = new HttpApi(PORT);
    protected final HttpApi operator = anonymous.as(TestKeys.OPERATOR);
    /** The service as the tests' merchant: its checkouts, orders and refunds. */
    protected HttpApi api;

    protected PspMock psp() {
        return PspMock.shared(PORT).awaitReady();
    }

    /** What payment-service published to payment.results since the JVM started. */
    protected static synchronized TopicRecorder paymentResults() {
        if (paymentResults == null) {
            paymentResults = new TopicRecorder(LocalStack.shared().kafka().superUserClientProperties(), Topics.PAYMENT_RESULTS);
        }
        return paymentResults;
    }

    /** Publishes events as another service would (wallet-service, ledger-service), with the real serde. */
    protected static synchronized EventProducer events() {
        if (events == null) {
            events = new EventProducer(LocalStack.shared().kafka().superUserClientProperties());
        }
        return events;
    }

    @BeforeEach
    void pspIsUp() {
        psp();
    }

    @BeforeEach
    void asTheTestMerchant() {
        api = merchant().api();
    }

    /** The merchant {@link #api} calls as; created once per JVM. */
    protected static synchronized TestMerchant merchant() {
        if (merchant == null) {
            merchant = TestMerchant.create(new HttpApi(PORT).as(TestKeys.OPERATOR), id("m_test"));
        }
        return merchant;
    }

    /** Another merchant, with a key of its own. */
    protected TestMerchant newMerchant() {
        return TestMerchant.create(operator, id("m"));
    }

    @AfterEach
    void resetPsp() {
        psp().resetFaults();
        pspCircuitBreaker.reset();
    }

    /** A unique id for this JVM run, so tests never collide (e.g. {@code chk_12_ab12}). */
    protected static String id(String prefix) {
        return prefix + "_" + SEQUENCE.incrementAndGet() + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100));
    }

    /** A checkout body with one order for {@code seller_1}, the tests' merchant's seller; fields as the API contract's example. */
    protected static String checkout(String checkoutId, String orderId, String amount, String currency, String token) {
        return checkout(checkoutId, orderId, amount, currency, token, "seller_1");
    }

    /** A checkout body with one order for {@code seller}: another merchant than the tests' needs a seller of its own. */
    protected static String checkout(String checkoutId, String orderId, String amount, String currency, String token,
                                     String seller) {
        return """
                {"checkout_id": "%s",
                 "buyer_info": {"user_id": "u_1", "email": "buyer@example.com", "name": "Ada"},
                 "credit_card_info": {"token": "%s", "last4": "4242"},
                 "payment_orders": [{"payment_order_id": "%s", "seller_account": "%s", "amount": "%s", "currency": "%s"}]}
                """.formatted(checkoutId, token, orderId, seller, amount, currency);
    }

    protected String orderStatus(String orderId) {
        return jdbc.sql("SELECT status FROM payment_order WHERE payment_order_id = ?").param(orderId)
                .query(String.class).optional().orElse("MISSING");
    }

    protected HttpApi.Response order(String orderId) {
        return api.get("/api/v1/payment-orders/" + orderId);
    }
}
