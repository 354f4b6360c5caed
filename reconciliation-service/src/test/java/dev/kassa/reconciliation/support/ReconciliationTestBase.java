package dev.kassa.reconciliation.support;

import static org.awaitility.Awaitility.await;

import dev.kassa.localstack.LocalStack;
import dev.kassa.localstack.LocalStackSpring;
import dev.kassa.schemas.ConsumerGroups;
import dev.kassa.testfixtures.EventProducer;
import dev.kassa.testfixtures.TestKeys;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring context of the module's tests (same configuration everywhere, so Spring's context cache
 * shares it): the service against local-stack's broker and a fresh database, the PSP's balance
 * transactions served by {@link BalanceTransactionServer}, short retry backoffs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kassa.reconciliation.cron=-",
        // short, so that a test can put a payment on either side of it
        "kassa.reconciliation.grace-period=PT2M",
        "kassa.messaging.consumer.backoff=100ms,200ms",
        "kassa.messaging.outbox.poll-interval=100ms",
        // Every refusal of these tests comes from 127.0.0.1 and counts against that address's failed
        // authentications; the limit itself is the web module's to test.
        "kassa.security.rate-limit.failed-auth-per-minute=1000",
        "logging.level.dev.kassa.reconciliation.run.ReconciliationRunner=DEBUG" // phase timings of each run
})
@Import(TestClockConfiguration.class)
public abstract class ReconciliationTestBase {

    protected static final BalanceTransactionServer PSP = BalanceTransactionServer.shared();
    private static final AtomicInteger DAYS = new AtomicInteger();
    private static EventProducer events;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        LocalStackSpring.register(registry, "reconciliation");
        registry.add("kassa.reconciliation.psp.base-url", PSP::baseUrl);
        // a PSP that stalls mid-way fails its test's run in seconds, not after the default minute
        registry.add("kassa.reconciliation.psp.read-timeout", () -> "PT3S");
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected MutableClock clock;

    /** The API as FINANCE, the role that may run a reconciliation and read everything. */
    protected ReportClient api;

    @BeforeEach
    void client() {
        api = client(TestKeys.FINANCE);
        clock.reset();
    }

    /** The API with another of the tests' operator keys ({@link TestKeys}); null for no credentials. */
    protected ReportClient client(String key) {
        return new ReportClient("http://127.0.0.1:" + port, key);
    }

    /**
     * A past UTC day no other test uses, two days apart so that no test sees another's "day before"
     * (a run also looks at the previous day's file).
     */
    protected static LocalDate uniqueDay() {
        return LocalDate.of(2024, 1, 1).plusDays(3L * DAYS.incrementAndGet());
    }

    /** {@code hour}:00 UTC of {@code day}. */
    protected static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }

    protected static synchronized EventProducer events() {
        if (events == null) {
            events = new EventProducer(LocalStack.shared().kafka().superUserClientProperties());
        }
        return events;
    }

    /** Publishes the events and waits until the projection's consumers have handled every one of them. */
    protected void publishAndAwait(SpecificRecord... records) {
        List<String> eventIds = events().sendAll(records);
        awaitHandled(eventIds);
    }

    protected void awaitHandled(List<String> published) {
        List<String> eventIds = published.stream().distinct().toList();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                        SELECT count(*) FROM processed_message WHERE consumer = :consumer AND event_id IN (:ids)""")
                .param("consumer", ConsumerGroups.RECONCILIATION_SERVICE)
                .param("ids", eventIds)
                .query(Long.class).single() == eventIds.size());
    }

    /** A payment as the platform records it when all goes well: success, wallet credit, ledger entry. */
    protected void settledInPlatform(TestPayment... payments) {
        publishAndAwait(Arrays.stream(payments)
                .flatMap(p -> java.util.stream.Stream.<SpecificRecord>of(p.succeeded(), p.credited(), p.recorded()))
                .toArray(SpecificRecord[]::new));
    }

    protected void settledInPlatform(TestRefund refund) {
        publishAndAwait(refund.succeeded(), refund.debited(), refund.recorded());
    }

    /** A dispute's withdrawn funds as the platform books them: payment-service's record, wallet debit, ledger entry. */
    protected void settledInPlatform(TestDispute dispute) {
        publishAndAwait(dispute.withdrawn(), dispute.debited(), dispute.withdrawalRecorded());
    }

    protected void settledInPlatform(TestDispute.Reinstatement reinstatement) {
        publishAndAwait(reinstatement.reinstated(), reinstatement.credited(), reinstatement.recorded());
    }

    protected static String seller() {
        return "seller-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }
}
