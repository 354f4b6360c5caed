package dev.kassa.pspmock.support;

import dev.kassa.localstack.LocalStackSpring;
import dev.kassa.pspmock.PspMockApplication;
import dev.kassa.testfixtures.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: every subclass shares ONE application context (same configuration), on its own
 * database of the JVM's shared local-stack PostgreSQL, with webhooks going to one shared {@link WebhookReceiver}.
 * Fault and outcome switches are reset around every test; tests identify their own events by object id.
 */
@SpringBootTest(classes = PspMockApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "server.shutdown=immediate",
                "psp.random.seed=7",
                "psp.outcomes.async-delay=300ms",
                "psp.disputes.decision-delay=300ms",
                // Safety polls far longer than any test waits: every resolution and every delivery in these tests
                // must come from an in-process wake-up (new intent, refund or event; a failed attempt's retry).
                "psp.outcomes.resolve-interval=5m",
                "psp.webhooks.poll-interval=5m",
                "psp.webhooks.claim-interval=50ms",
                "psp.webhooks.initial-backoff=200ms",
                "psp.webhooks.max-backoff=1s",
                "psp.webhooks.connect-timeout=500ms",
                "psp.webhooks.request-timeout=2s",
                "psp.webhooks.lease=3s",
                // Every refusal counts against 127.0.0.1, the one address of all these tests; the security tests
                // make dozens on purpose, which the default limit (20 a minute) would turn into 429s for the rest.
                "kassa.security.rate-limit.failed-auth-per-minute=100000",
                // A rotation in progress: every delivery carries one v1 per secret.
                "psp.webhooks.secrets=" + PspIntegrationTest.WEBHOOK_SECRET + "," + PspIntegrationTest.NEXT_WEBHOOK_SECRET
        })
public abstract class PspIntegrationTest {

    public static final String WEBHOOK_SECRET = "whsec_test_kassa";
    public static final String NEXT_WEBHOOK_SECRET = "whsec_test_kassa_next";

    protected static final WebhookReceiver RECEIVER = new WebhookReceiver();

    @LocalServerPort
    protected int port;

    /** The PSP API with the PSP's key, as Kassa calls it. */
    protected PspApi api;
    /** The simulator's switches ({@code /admin}) with the tests' OPERATOR key. */
    protected PspApi admin;

    @DynamicPropertySource
    static void localStack(DynamicPropertyRegistry registry) {
        LocalStackSpring.register(registry, "psp");
        registry.add("psp.webhooks.endpoints", RECEIVER::url);
    }

    @BeforeEach
    void resetSwitches() {
        api = new PspApi(port);
        admin = api.as(TestKeys.OPERATOR);
        resetAll();
    }

    @AfterEach
    void resetSwitchesAfter() {
        resetAll();
    }

    private void resetAll() {
        RECEIVER.reset();
        admin.delete("/admin/faults");
        admin.delete("/admin/outcomes");
    }
}
