package dev.kassa.reconciliation.psp;

import static dev.kassa.reconciliation.support.ReportClient.discrepancies;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.localstack.LocalStack;
import dev.kassa.localstack.LocalStackSpring;
import dev.kassa.localstack.process.ServiceJars;
import dev.kassa.localstack.process.ServiceProcess;
import dev.kassa.localstack.process.ServiceSpec;
import dev.kassa.reconciliation.support.ReconciliationTestBase;
import dev.kassa.reconciliation.support.ReportClient.Found;
import dev.kassa.reconciliation.support.BalanceTransactionServer;
import dev.kassa.reconciliation.support.TestDispute;
import dev.kassa.reconciliation.support.TestPayment;
import dev.kassa.reconciliation.support.TestRefund;
import dev.kassa.schemas.event.DisputeFeeBearer;
import dev.kassa.testfixtures.TestKeys;
import dev.kassa.web.security.SecretKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Against the real psp-mock-service, started as its own JVM from its jar: payment intents and a refund
 * are made through its API (with the PSP API key), faults are injected with its {@code /admin/settlements/...}
 * endpoints (with an operator key), which its balance transactions show, and the reconciliation of today must classify exactly those faults.
 *
 * <p>The service's PSP base URL is the test server's for the whole shared test context (a second
 * context would add a second consumer to the group on the same broker); for today that server relays the
 * request to psp-mock and streams its answer back unchanged. Today belongs to this class: the others use
 * past days. psp-mock dates what it does now, so both tests reconcile today: the fault test runs first and
 * checks the whole day; the dispute test checks what its own payments and disputes add to the day.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PspMockReconciliationTest extends ReconciliationTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static ServiceProcess pspMock;
    private static RestClient psp;

    @BeforeAll
    static void startPspMock() {
        LocalStack stack = LocalStack.shared();
        String database = stack.freshDatabase("psp");
        int port = freePort();
        Map<String, String> properties = new HashMap<>();
        // its runtime role for the pool, its owner for Liquibase, as every service runs
        properties.putAll(LocalStackSpring.databaseProperties(database));
        // psp-mock's public test API key works only in its 'local' profile (LocalSecretsGuard); its fault switches
        // (/admin) need an operator key, here the tests' OPERATOR key, given as its hash like any operator key
        properties.put("spring.profiles.active", "local");
        properties.put("psp.auth.secret-key", BalanceTransactionServer.API_KEY);
        properties.put("kassa.security.operators[0].name", "test-operator");
        properties.put("kassa.security.operators[0].roles", "OPERATOR");
        properties.put("kassa.security.operators[0].key-sha256", SecretKeys.sha256Hex(TestKeys.OPERATOR));
        // nobody listens for webhooks in this test; deliveries just wait and retry
        properties.put("psp.webhooks.endpoints", "http://127.0.0.1:9/unused");
        pspMock = ServiceProcess.start(ServiceSpec.of("psp-mock-service", ServiceJars.locate("psp-mock-service"), port,
                properties, Path.of("target", "psp-mock-service.log")));
        pspMock.awaitHealthy(Duration.ofSeconds(120));
        psp = RestClient.builder().baseUrl(pspMock.baseUrl())
                .defaultHeader("Authorization", "Bearer " + BalanceTransactionServer.API_KEY).build();
    }

    @AfterAll
    static void stopPspMock() {
        if (pspMock != null) {
            pspMock.close();
        }
    }

    @Test
    @Order(1)
    void faultsInjectedIntoPspMocksBalanceTransactionsAreClassifiedExactly() {
        String seller = seller();
        TestPayment kept = charge(seller, 2999, "USD");
        TestPayment dropped = charge(seller, 1500, "EUR");
        TestPayment changed = charge(seller, 5000, "USD");
        TestPayment failedHere = charge(seller, 700, "USD");
        TestRefund refund = refund(kept, 999);
        LocalDate today = LocalDate.ofInstant(kept.at(), ZoneOffset.UTC);

        settledInPlatform(kept, dropped, changed);
        settledInPlatform(refund);
        publishAndAwait(failedHere.failed(failedHere.at())); // we say failed, the PSP charged it

        Map<String, String> transactions = balanceTransactionsByIntent(today);
        inject(today, "drop-row", Map.of("balance_transaction_id", transactions.get(dropped.pspReference())));
        inject(today, "change-amount", Map.of("balance_transaction_id", transactions.get(changed.pspReference()),
                "amount", 5100));
        String neverSent = "po-never-sent-" + UUID.randomUUID();
        JsonNode added = inject(today, "add-row", Map.of("type", "charge", "amount", 777, "currency", "USD",
                "payment_order_id", neverSent));
        PSP.relay(today, pspMock.baseUrl());

        JsonNode report = api.run(today);

        assertThat(discrepancies(report)).containsExactlyInAnyOrder(
                new Found("MISSING_AT_PSP", dropped.orderId(), dropped.pspReference(), null, seller,
                        "SUCCEEDED 15.00 EUR", "none"),
                new Found("AMOUNT_MISMATCH", changed.orderId(), changed.pspReference(), null, seller,
                        "50.00 USD", "51.00 USD"),
                new Found("MISSING_IN_PLATFORM", neverSent, added.get("payment_intent_id").asString(), null, null,
                        "none", "CHARGED 7.77 USD"),
                new Found("STATUS_MISMATCH", failedHere.orderId(), failedHere.pspReference(), null, seller,
                        "FAILED 7.00 USD", "CHARGED 7.00 USD"));
        assertThat(report.get("matched_count").asLong()).as("the kept charge and its refund").isEqualTo(2);
        assertThat(report.get("malformed_count").asLong()).isZero();
        JsonNode usd = report.get("totals").get(1);
        assertThat(usd.get("currency").asString()).isEqualTo("USD");
        assertThat(usd.get("psp_net_minor").asLong())
                .isEqualTo(usd.get("psp_gross_minor").asLong() - usd.get("psp_fees_minor").asLong());
        assertThat(usd.get("psp_fees_minor").asLong()).as("psp-mock's fee model").isPositive();
    }

    @Test
    @Order(2)
    void aDisputeThePlatformBookedMatchesPspMocksRowAndOneItDoesNotKnowIsDisputeUnknownWhileTheChargesStillMatch() {
        String seller = seller();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        PSP.relay(today, pspMock.baseUrl());
        JsonNode before = api.run(today); // whatever today already holds (the fault test's day, if it ran)

        // Stripe's dispute test card: charged, then disputed in full at once; won by an operator's decision
        TestPayment byCard = charge(seller, 4200, "USD", "tok_createDispute");
        // a plain charge, disputed in part by psp-mock's operator switch, left open
        TestPayment byOperator = charge(seller, 3000, "EUR", "tok_visa");
        settledInPlatform(byCard, byOperator);
        String cardDispute = disputeOf(byCard);
        assertThat(operator("/admin/disputes/" + cardDispute + "/decide", Map.of("outcome", "won"))
                .get("status").asString()).isEqualTo("won");
        String operatorDispute = operator("/admin/disputes",
                Map.of("payment_intent", byOperator.pspReference(), "amount", 500)).get("id").asString();
        assertThat(LocalDate.ofInstant(byCard.at(), ZoneOffset.UTC)).as("still today").isEqualTo(today);
        // the platform booked the second dispute's withdrawal (psp-mock's EUR dispute fee, borne by the platform); the
        // first one's webhooks never reached it
        settledInPlatform(new TestDispute(byOperator, operatorDispute, 500, 1500, DisputeFeeBearer.PLATFORM,
                Instant.now()));

        JsonNode after = api.run(today);

        List<Found> added = new ArrayList<>(discrepancies(after));
        added.removeAll(discrepancies(before));
        assertThat(discrepancies(after)).as("the day's other findings stay").containsAll(discrepancies(before));
        assertThat(added).containsExactlyInAnyOrder(
                new Found("DISPUTE_UNKNOWN", byCard.orderId(), byCard.pspReference(), null, seller,
                        "none", "WITHDRAWN 42.00 USD, fee 15.00 USD"),
                new Found("DISPUTE_UNKNOWN", byCard.orderId(), byCard.pspReference(), null, seller,
                        "none", "REINSTATED 42.00 USD, fee 0.00 USD"));
        Map<String, List<String>> disputesByIntent = new HashMap<>();
        for (JsonNode d : after.get("discrepancies")) {
            if (d.get("type").asString().equals("DISPUTE_UNKNOWN")) {
                disputesByIntent.computeIfAbsent(d.get("psp_reference").asString(), k -> new ArrayList<>())
                        .add(d.get("dispute_id").asString());
                assertThat(d.get("detail").asString()).contains("dispute " + d.get("dispute_id").asString());
            }
        }
        assertThat(disputesByIntent).containsOnly(Map.entry(byCard.pspReference(), List.of(cardDispute, cardDispute)));
        assertThat(after.get("matched_count").asLong()).as("both disputed charges and the booked withdrawal")
                .isEqualTo(before.get("matched_count").asLong() + 3);
        assertThat(after.get("malformed_count").asLong()).isZero();

        assertThat(added(before, after, "USD", "psp_count")).isEqualTo(1);
        assertThat(added(before, after, "USD", "psp_gross_minor")).isEqualTo(4200);
        assertThat(added(before, after, "USD", "difference_minor")).isZero();
        assertThat(added(before, after, "USD", "psp_dispute_count")).isEqualTo(2);
        assertThat(added(before, after, "USD", "psp_dispute_gross_minor")).as("withdrawn, then reinstated").isZero();
        assertThat(added(before, after, "USD", "psp_dispute_fees_minor")).as("psp-mock's USD dispute fee")
                .isEqualTo(1500);
        assertThat(added(before, after, "USD", "psp_dispute_net_minor")).isEqualTo(-1500);
        assertThat(added(before, after, "EUR", "psp_count")).isEqualTo(1);
        assertThat(added(before, after, "EUR", "psp_gross_minor")).isEqualTo(3000);
        assertThat(added(before, after, "EUR", "difference_minor")).isZero();
        assertThat(added(before, after, "EUR", "psp_dispute_count")).isEqualTo(1);
        assertThat(added(before, after, "EUR", "psp_dispute_gross_minor")).isEqualTo(-500);
        assertThat(added(before, after, "EUR", "psp_dispute_fees_minor")).isEqualTo(1500);
        assertThat(added(before, after, "EUR", "psp_dispute_net_minor")).isEqualTo(-2000);
    }

    /** How much a figure of a currency's totals grew from one report to the next (a currency absent counts 0). */
    private static long added(JsonNode before, JsonNode after, String currency, String field) {
        return figure(after, currency, field) - figure(before, currency, field);
    }

    private static long figure(JsonNode report, String currency, String field) {
        for (JsonNode total : report.get("totals")) {
            if (total.get("currency").asString().equals(currency)) {
                return total.get(field).asLong();
            }
        }
        return 0;
    }

    /** A tok_visa payment intent at psp-mock, confirmed at once, as payment-service creates it (Stripe's wire format). */
    private static TestPayment charge(String seller, long amount, String currency) {
        return charge(seller, amount, currency, "tok_visa");
    }

    private static TestPayment charge(String seller, long amount, String currency, String paymentMethod) {
        TestPayment planned = TestPayment.of(seller, amount, currency, Instant.now());
        JsonNode intent = post("/v1/payment_intents", planned.orderId() + ":1", Map.of(
                "amount", Long.toString(amount), "currency", currency.toLowerCase(Locale.ROOT),
                "payment_method", paymentMethod, "confirm", "true",
                "metadata[payment_order_id]", planned.orderId(), "metadata[attempt]", "1"));
        assertThat(intent.get("status").asString()).isEqualTo("succeeded");
        return new TestPayment(planned.orderId(), planned.checkoutId(), seller, amount, currency,
                intent.get("id").asString(), Instant.ofEpochSecond(intent.get("created").asLong()));
    }

    private static TestRefund refund(TestPayment payment, long amount) {
        TestRefund planned = TestRefund.of(payment, amount, Instant.now());
        JsonNode refund = post("/v1/refunds", planned.refundId() + ":1", Map.of(
                "payment_intent", payment.pspReference(), "amount", Long.toString(amount),
                "metadata[refund_id]", planned.refundId(), "metadata[payment_order_id]", payment.orderId()));
        assertThat(refund.get("status").asString()).isEqualTo("succeeded");
        return new TestRefund(payment, planned.refundId(), refund.get("id").asString(), amount, planned.at());
    }

    /** A form-encoded POST with bracket notation, as Stripe's clients send it. */
    private static JsonNode post(String path, String idempotencyKey, Map<String, String> form) {
        LinkedMultiValueMap<String, String> body = new LinkedMultiValueMap<>();
        form.forEach(body::add);
        return JSON.readTree(psp.post().uri(path).header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(body)
                .retrieve().body(String.class));
    }

    private static JsonNode inject(LocalDate day, String fault, Map<String, Object> body) {
        return operator("/admin/settlements/" + day + "/" + fault, body);
    }

    /** A POST to one of psp-mock's operator switches (JSON, the tests' OPERATOR key). */
    private static JsonNode operator(String path, Map<String, Object> body) {
        return JSON.readTree(psp.post().uri(path)
                .header("Authorization", TestKeys.bearer(TestKeys.OPERATOR))
                .contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(body))
                .retrieve().body(String.class));
    }

    /** The dispute psp-mock opened on the payment's charge (Stripe's list of disputes, by payment intent). */
    private static String disputeOf(TestPayment payment) {
        JsonNode list = JSON.readTree(psp.get().uri(uri -> uri.path("/v1/disputes")
                        .queryParam("payment_intent", payment.pspReference()).build())
                .retrieve().body(String.class));
        assertThat(list.get("data")).hasSize(1);
        JsonNode dispute = list.get("data").get(0);
        assertThat(dispute.get("status").asString()).isEqualTo("needs_response");
        assertThat(dispute.get("amount").asLong()).isEqualTo(payment.amountMinor());
        return dispute.get("id").asString();
    }

    /** payment intent id → id of its charge's balance transaction, as psp-mock lists them (one page: a fresh PSP). */
    private static Map<String, String> balanceTransactionsByIntent(LocalDate day) {
        JsonNode list = JSON.readTree(psp.get().uri(uri -> uri.path("/v1/balance_transactions")
                        .queryParam("created[gte]", day.atStartOfDay(ZoneOffset.UTC).toEpochSecond())
                        .queryParam("created[lt]", day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond())
                        .queryParam("type", "charge").queryParam("limit", 100).queryParam("expand[]", "data.source")
                        .build())
                .retrieve().body(String.class));
        assertThat(list.get("has_more").asBoolean()).isFalse();
        Map<String, String> byIntent = new HashMap<>();
        for (JsonNode txn : list.get("data")) {
            byIntent.put(txn.get("source").get("payment_intent").asString(), txn.get("id").asString());
        }
        return byIntent;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
