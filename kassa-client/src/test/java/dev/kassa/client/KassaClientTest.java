package dev.kassa.client;

import static dev.kassa.client.FakeKassa.json;
import static dev.kassa.client.FakeKassa.problem;
import static dev.kassa.client.FakeKassa.reply;
import static dev.kassa.client.Samples.CHECKOUT;
import static dev.kassa.client.Samples.CHECKOUT_JSON;
import static dev.kassa.client.Samples.COMPLETED;
import static dev.kassa.client.Samples.KEY;
import static dev.kassa.client.Samples.PROCESSING;
import static dev.kassa.client.Samples.REFUND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kassa.client.CreateCheckoutRequest.BuyerInfo;
import dev.kassa.client.CreateCheckoutRequest.CreditCardInfo;
import dev.kassa.client.CreateCheckoutRequest.PaymentOrderRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Each call's request as payment-service takes it, and its answer as payment-service writes it. */
@Tag("fast")
class KassaClientTest {

    private FakeKassa kassa;
    private RecordingSleeper sleeper;
    private KassaClient client;

    @BeforeEach
    void start() throws Exception {
        kassa = new FakeKassa();
        sleeper = new RecordingSleeper();
        client = KassaClient.builder().baseUrl(kassa.baseUrl()).apiKey(KEY).sleeper(sleeper)
                .nanoTime(sleeper::nanoTime).pollInterval(Duration.ofMillis(300)).build();
    }

    @AfterEach
    void stop() {
        client.close();
        kassa.close();
    }

    private static JsonNode tree(String json) {
        return Json.MAPPER.readTree(json);
    }

    @Test
    void theExchangeListenerSeesEveryAttemptAndWhatItThrowsFailsTheCall() {
        kassa.then(problem(503, "{\"type\":\"https://kassa.dev/problems/temporarily-unavailable\",\"status\":503}"));
        kassa.then(json(202, PROCESSING, "Location", "/api/v1/payments/chk_1"));
        List<String> seen = new ArrayList<>();
        KassaClient listened = KassaClient.builder().baseUrl(kassa.baseUrl()).apiKey(KEY).sleeper(sleeper)
                .exchangeListener((request, body, response) -> seen.add(request.method() + " "
                        + request.uri().getPath() + " " + tree(new String(body)).equals(tree(CHECKOUT_JSON)) + " -> "
                        + response.statusCode() + " " + new String(response.body()).contains("chk_1")))
                .build();

        listened.createCheckout(CHECKOUT);

        assertThat(seen).containsExactly("POST /api/v1/payments true -> 503 false",
                "POST /api/v1/payments true -> 202 true");
        kassa.then(json(200, COMPLETED));
        KassaClient refusing = KassaClient.builder().baseUrl(kassa.baseUrl()).apiKey(KEY)
                .exchangeListener((request, body, response) -> {
                    throw new AssertionError("not in the contract");
                }).build();
        assertThatThrownBy(() -> refusing.getCheckout("chk_1")).isInstanceOf(AssertionError.class)
                .hasMessage("not in the contract");
        listened.close();
        refusing.close();
    }

    @Test
    void createsACheckoutWithTheMerchantKeyInTheApiShape() {
        kassa.then(json(202, PROCESSING, "Location", "/api/v1/payments/chk_1"));

        Checkout checkout = client.createCheckout(CHECKOUT);

        FakeKassa.Recorded request = kassa.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/v1/payments");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("Accept")).contains("application/json");
        assertThat(request.header("X-Request-Id")).matches("kc-[0-9a-f-]{36}");
        // Exactly the fields of payment-service's CheckoutRequest: the absent client_address is left out (the server
        // refuses unknown fields, and Money is no field of its own).
        assertThat(tree(request.bodyText())).isEqualTo(tree(CHECKOUT_JSON));

        assertThat(checkout.checkoutId()).isEqualTo("chk_1");
        assertThat(checkout.status()).isEqualTo(CheckoutStatus.PROCESSING);
        assertThat(checkout.isCompleted()).isFalse();
        assertThat(checkout.createdAt()).isEqualTo(Instant.parse("2026-11-20T23:53:52.374Z"));
        assertThat(checkout.paymentOrders()).singleElement().satisfies(order -> {
            assertThat(order.paymentOrderId()).isEqualTo("po_1");
            assertThat(order.money()).isEqualTo(Money.of("29.99", "USD"));
            assertThat(order.status()).isEqualTo(PaymentOrderStatus.NOT_STARTED);
            assertThat(order.walletUpdated()).isFalse();
            assertThat(order.failureCode()).isNull();
        });
    }

    @Test
    void sendsTheBuildersHeadersWithEveryRequestButNeverReplacesItsOwn() {
        kassa.then(json(202, PROCESSING));
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        try (KassaClient traced = KassaClient.builder().baseUrl(kassa.baseUrl()).apiKey(KEY)
                .header("traceparent", traceparent).build()) {
            traced.createCheckout(CHECKOUT);
        }

        assertThat(kassa.onlyRequest().header("traceparent")).isEqualTo(traceparent);
        assertThat(kassa.onlyRequest().header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThatThrownBy(() -> KassaClient.builder().header("Authorization", "Bearer someone-else"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("set by the client");
        assertThatThrownBy(() -> KassaClient.builder().header("x-request-id", "mine"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KassaClient.builder().header("Host", "elsewhere.example"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KassaClient.builder().header("bad name", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sendsTheClientAddressWhenGiven() {
        kassa.then(json(202, PROCESSING));

        client.createCheckout(new CreateCheckoutRequest("chk_2", new BuyerInfo("u_1", "b@example.com", null),
                new CreditCardInfo("tok_visa", "4242"),
                List.of(new PaymentOrderRequest("po_2", "seller_1", "500", "JPY")), "203.0.113.7"));

        JsonNode body = tree(kassa.onlyRequest().bodyText());
        assertThat(body.get("client_address").asString()).isEqualTo("203.0.113.7");
        assertThat(body.get("buyer_info").has("name")).isFalse();
        assertThat(body.get("payment_orders").get(0).get("amount").isString()).isTrue();
    }

    @Test
    void readsACheckout() {
        kassa.then(json(200, COMPLETED));

        Checkout checkout = client.getCheckout("chk_1");

        FakeKassa.Recorded request = kassa.onlyRequest();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/api/v1/payments/chk_1");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(request.header("Content-Type")).isNull();
        assertThat(checkout.isCompleted()).isTrue();
        assertThat(checkout.paymentOrders().get(0).status()).isEqualTo(PaymentOrderStatus.SUCCEEDED);
        assertThat(checkout.paymentOrders().get(0).ledgerUpdated()).isTrue();
    }

    @Test
    void awaitsACheckoutUntilItCompletes() {
        kassa.then(json(200, PROCESSING), json(200, PROCESSING), json(200, COMPLETED));

        Checkout checkout = client.awaitCheckout("chk_1", Duration.ofSeconds(10));

        assertThat(checkout.isCompleted()).isTrue();
        assertThat(kassa.requests()).hasSize(3).allSatisfy(request ->
                assertThat(request.path()).isEqualTo("/api/v1/payments/chk_1"));
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(300), Duration.ofMillis(300));
    }

    @Test
    void stopsAwaitingAtTheTimeoutWithTheCheckoutAsLastSeen() {
        kassa.always(json(200, PROCESSING));

        assertThatThrownBy(() -> client.awaitCheckout("chk_1", Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(AwaitTimeoutException.class, e -> {
                    assertThat(e.lastSeen().status()).isEqualTo(CheckoutStatus.PROCESSING);
                    assertThat(e).hasMessageContaining("chk_1").hasMessageContaining("PROCESSING");
                });
        // Reads at 0, 300, 600, 900 and 1000 ms of the fake clock: the last wait is what was left.
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(300), Duration.ofMillis(300),
                Duration.ofMillis(300), Duration.ofMillis(100));
        assertThat(kassa.requests()).hasSize(5);
    }

    @Test
    void listsCheckoutsWithTheQueryParameters() {
        kassa.then(json(200, "{\"payments\": [" + COMPLETED + "], \"next_cursor\": \"YzoyMDI2LTEy\"}"));

        CheckoutPage page = client.listCheckouts(CheckoutQuery.all().withBuyerUserId("u_1")
                .withStatus(PaymentOrderStatus.FAILED).withAmounts("USD", "10.00", "49.99")
                .withCreated(Instant.parse("2026-12-01T00:00:00Z"), null).withLimit(20).withCursor("c+1/2"));

        FakeKassa.Recorded request = kassa.onlyRequest();
        assertThat(request.path()).isEqualTo("/api/v1/payments");
        assertThat(request.rawQuery()).isEqualTo("buyer_user_id=u_1&status=FAILED&currency=USD&amount_min=10.00"
                + "&amount_max=49.99&created_from=2026-12-01T00%3A00%3A00Z&limit=20&cursor=c%2B1%2F2");
        assertThat(page.payments()).singleElement().extracting(Checkout::checkoutId).isEqualTo("chk_1");
        assertThat(page.nextCursor()).isEqualTo("YzoyMDI2LTEy");
        assertThat(page.hasNext()).isTrue();
    }

    @Test
    void readsAPaymentOrderWithRefundsAndRiskDecisions() {
        kassa.then(json(200, """
                {"payment_order_id": "po_1", "checkout_id": "chk_1", "seller_account": "seller_1", "amount": "29.99",
                 "currency": "USD", "status": "PARTIALLY_REFUNDED", "wallet_updated": true, "ledger_updated": true,
                 "failure_code": null, "failure_message": null, "attempts": 2, "psp_reference": "pi_apVVcb1IU2uGQ8E9",
                 "refunded_amount": "10.00",
                 "refunds": [{"refund_id": "re_1", "payment_order_id": "po_1", "amount": "10.00", "currency": "USD",
                              "status": "SUCCEEDED", "psp_refund_reference": "re_x", "failure_code": null,
                              "failure_message": null, "created_at": "2026-11-21T10:00:00Z"}],
                 "risk_decisions": [{"payment_order_id": "po_1", "attempt": 1, "rule": "velocity_buyer", "block_id": 12,
                                     "detail": "Stopped by risk rule velocity_buyer (block 12)",
                                     "decided_at": "2026-11-20T23:54:00Z"}],
                 "created_at": "2026-11-20T23:53:52.374Z", "updated_at": "2026-11-21T10:00:01Z"}"""));

        PaymentOrder order = client.getPaymentOrder("po_1");

        assertThat(kassa.onlyRequest().path()).isEqualTo("/api/v1/payment-orders/po_1");
        assertThat(order.status()).isEqualTo(PaymentOrderStatus.PARTIALLY_REFUNDED);
        assertThat(order.attempts()).isEqualTo(2);
        assertThat(order.money().toBigDecimal()).isEqualByComparingTo("29.99");
        assertThat(order.refundedMoney()).isEqualTo(Money.of("10.00", "USD"));
        assertThat(order.refunds()).singleElement().satisfies(refund -> {
            assertThat(refund.status()).isEqualTo(RefundStatus.SUCCEEDED);
            assertThat(refund.pspRefundReference()).isEqualTo("re_x");
        });
        assertThat(order.riskDecisions()).singleElement().satisfies(decision -> {
            assertThat(decision.rule()).isEqualTo("velocity_buyer");
            assertThat(decision.blockId()).isEqualTo(12L);
            assertThat(decision.decidedAt()).isEqualTo(Instant.parse("2026-11-20T23:54:00Z"));
        });
        assertThat(order.updatedAt()).isEqualTo(Instant.parse("2026-11-21T10:00:01Z"));
    }

    @Test
    void readsAnOrdersHistory() {
        kassa.then(json(200, """
                {"payment_order_id": "po_1", "entries": [
                  {"at": "2026-11-20T23:53:52Z", "from_status": null, "to_status": "NOT_STARTED", "attempt": 1,
                   "cause": "CHECKOUT_CREATED", "actor": "merchant:m_demo", "detail": null},
                  {"at": "2026-11-20T23:53:53Z", "from_status": "NOT_STARTED", "to_status": "EXECUTING", "attempt": 1,
                   "cause": "EXECUTOR", "actor": "system", "detail": null}]}"""));

        PaymentOrderHistory history = client.getPaymentOrderHistory("po_1");

        assertThat(kassa.onlyRequest().path()).isEqualTo("/api/v1/payment-orders/po_1/history");
        assertThat(history.entries()).extracting(PaymentOrderHistory.Entry::toStatus)
                .containsExactly(PaymentOrderStatus.NOT_STARTED, PaymentOrderStatus.EXECUTING);
        assertThat(history.entries().get(0).fromStatus()).isNull();
        assertThat(history.entries().get(0).actor()).isEqualTo("merchant:m_demo");
    }

    @Test
    void readsAReceiptAsJsonAndAsItsPage() {
        kassa.then(json(200, """
                {"checkout_id": "chk_1", "checkout_status": "COMPLETED",
                 "merchant": {"merchant_id": "m_demo", "name": "Demo shop"},
                 "buyer": {"user_id": "u_1", "email": "buyer@example.com", "name": "Ada"}, "card_last4": "4242",
                 "payment_orders": [{"payment_order_id": "po_1", "seller_account": "seller_1", "amount": "29.99",
                   "currency": "USD", "status": "PARTIALLY_REFUNDED", "refunded_amount": "10.00", "failure_code": null,
                   "refunds": [{"refund_id": "re_1", "amount": "10.00", "status": "SUCCEEDED",
                                "created_at": "2026-11-21T10:00:00Z"}]}],
                 "totals": [{"currency": "USD", "charged": "29.99", "refunded": "10.00", "net": "19.99"}],
                 "created_at": "2026-11-20T23:53:52Z", "completed_at": "2026-11-20T23:53:55Z"}"""),
                reply(200, "text/html; charset=utf-8", "<!doctype html><title>Receipt chk_1</title>"));

        Receipt receipt = client.getReceipt("chk_1");
        String page = client.getReceiptHtml("chk_1");

        List<FakeKassa.Recorded> requests = kassa.requests();
        assertThat(requests).extracting(FakeKassa.Recorded::path).containsOnly("/api/v1/payments/chk_1/receipt");
        assertThat(requests.get(0).header("Accept")).contains("application/json");
        assertThat(requests.get(1).header("Accept")).isEqualTo("text/html");
        assertThat(receipt.checkoutStatus()).isEqualTo(CheckoutStatus.COMPLETED);
        assertThat(receipt.merchant().name()).isEqualTo("Demo shop");
        assertThat(receipt.cardLast4()).isEqualTo("4242");
        assertThat(receipt.paymentOrders().get(0).refunds().get(0).status()).isEqualTo(RefundStatus.SUCCEEDED);
        assertThat(receipt.totals()).singleElement().extracting(Receipt.Total::net).isEqualTo("19.99");
        assertThat(page).contains("<title>Receipt chk_1</title>");
    }

    @Test
    void requestsARefundByItsIdAndAmount() {
        kassa.then(json(202, REFUND));

        Refund refund = client.refund("po_1", new RefundRequest("rf_1", "5.00"));

        FakeKassa.Recorded request = kassa.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/v1/payment-orders/po_1/refunds");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(tree(request.bodyText())).isEqualTo(tree("{\"refund_id\": \"rf_1\", \"amount\": \"5.00\"}"));
        assertThat(refund.status()).isEqualTo(RefundStatus.REQUESTED);
        assertThat(refund.money()).isEqualTo(Money.of("5.00", "USD"));
    }

    @Test
    void retriesAFailedOrderWithoutABody() {
        kassa.then(json(202, """
                {"payment_order_id": "po_1", "checkout_id": "chk_1", "status": "NOT_STARTED", "attempts": 2}"""));

        PaymentOrder order = client.retryPaymentOrder("po_1");

        FakeKassa.Recorded request = kassa.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/v1/payment-orders/po_1/retry");
        assertThat(request.body()).isEmpty();
        assertThat(request.header("Content-Type")).isNull();
        assertThat(order.attempts()).isEqualTo(2);
        assertThat(order.refunds()).isEmpty();
    }

    private static final String DISPUTE_WITH_MONEY = """
            {"dispute_id": "dp_1", "payment_order_id": "po_1", "psp_reference": "pi_1", "amount": "30.00",
             "currency": "USD", "reason": "fraudulent", "status": "WON", "evidence_due_by": "2026-12-11T23:59:59Z",
             "evidence_submitted_by": "merchant:m_demo", "accepted_by": null, "created_at": "2026-12-04T17:52:00Z",
             "updated_at": "2026-12-04T17:52:07Z", "closed_at": "2026-12-04T17:52:07Z",
             "fee_minor": 1500, "fee_bearer": "PLATFORM", "funds_withdrawn_at": "2026-12-04T17:52:01.123Z",
             "funds_reinstated_at": "2026-12-04T17:52:07.456Z", "fee_returned_minor": 0,
             "withdrawal_booked": {"wallet": true, "ledger": true},
             "reinstatement_booked": {"wallet": true, "ledger": false}}""";

    /** As a server from before the dispute's money was shown writes it. */
    private static final String DISPUTE_WITHOUT_MONEY = """
            {"dispute_id": "dp_2", "payment_order_id": "po_2", "psp_reference": "pi_2", "amount": "29.99",
             "currency": "USD", "reason": "fraudulent", "status": "NEEDS_RESPONSE",
             "evidence_due_by": "2026-12-11T23:59:59Z", "evidence_submitted_by": null, "accepted_by": null,
             "created_at": "2026-12-04T17:50:00Z", "updated_at": "2026-12-04T17:50:00Z", "closed_at": null}""";

    @Test
    void listsDisputesByStatusAndLimitWithTheirMoney() {
        kassa.then(json(200, "[" + DISPUTE_WITH_MONEY + "," + DISPUTE_WITHOUT_MONEY + "]"), json(200, "[]"));

        List<Dispute> disputes = client.listDisputes(DisputeStatus.NEEDS_RESPONSE, 10);
        List<Dispute> none = client.listDisputes();

        List<FakeKassa.Recorded> requests = kassa.requests();
        assertThat(requests.get(0).path()).isEqualTo("/api/v1/disputes");
        assertThat(requests.get(0).rawQuery()).isEqualTo("status=NEEDS_RESPONSE&limit=10");
        assertThat(requests.get(1).rawQuery()).isNull();
        assertThat(none).isEmpty();

        Dispute won = disputes.get(0);
        assertThat(won.status()).isEqualTo(DisputeStatus.WON);
        assertThat(won.status().isClosed()).isTrue();
        assertThat(won.money()).isEqualTo(Money.of("30.00", "USD"));
        assertThat(won.feeMinor()).isEqualTo(1500L);
        assertThat(won.feeBearer()).isEqualTo("PLATFORM");
        assertThat(won.fundsWithdrawnAt()).isEqualTo(Instant.parse("2026-12-04T17:52:01.123Z"));
        assertThat(won.fundsReinstatedAt()).isEqualTo(Instant.parse("2026-12-04T17:52:07.456Z"));
        assertThat(won.feeReturnedMinor()).isZero();
        assertThat(won.withdrawalBooked()).isEqualTo(new Dispute.Booked(true, true));
        assertThat(won.reinstatementBooked()).isEqualTo(new Dispute.Booked(true, false));

        Dispute open = disputes.get(1);
        assertThat(open.status()).isEqualTo(DisputeStatus.NEEDS_RESPONSE);
        assertThat(open.feeMinor()).isNull();
        assertThat(open.feeBearer()).isNull();
        assertThat(open.fundsWithdrawnAt()).isNull();
        assertThat(open.fundsReinstatedAt()).isNull();
        assertThat(open.feeReturnedMinor()).isNull();
        assertThat(open.withdrawalBooked()).isNull();
    }

    @Test
    void readsAnswersAndAcceptsADispute() {
        kassa.then(json(200, DISPUTE_WITHOUT_MONEY),
                json(200, DISPUTE_WITHOUT_MONEY.replace("NEEDS_RESPONSE", "UNDER_REVIEW")),
                json(200, DISPUTE_WITHOUT_MONEY.replace("NEEDS_RESPONSE", "ACCEPTED")));
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("customer_communication", "Buyer confirmed delivery by mail");
        evidence.put("shipping_tracking_number", "1Z999");

        Dispute read = client.getDispute("dp_2");
        Dispute answered = client.submitDisputeEvidence("dp_2", EvidenceRequest.submit(evidence));
        Dispute accepted = client.acceptDispute("dp_2");

        List<FakeKassa.Recorded> requests = kassa.requests();
        assertThat(requests).extracting(FakeKassa.Recorded::method).containsExactly("GET", "POST", "POST");
        assertThat(requests).extracting(FakeKassa.Recorded::path).containsExactly("/api/v1/disputes/dp_2",
                "/api/v1/disputes/dp_2/evidence", "/api/v1/disputes/dp_2/accept");
        assertThat(tree(requests.get(1).bodyText())).isEqualTo(tree("""
                {"evidence": {"customer_communication": "Buyer confirmed delivery by mail",
                              "shipping_tracking_number": "1Z999"}, "submit": true}"""));
        assertThat(requests.get(2).body()).isEmpty();
        assertThat(read.status()).isEqualTo(DisputeStatus.NEEDS_RESPONSE);
        assertThat(answered.status()).isEqualTo(DisputeStatus.UNDER_REVIEW);
        assertThat(accepted.status()).isEqualTo(DisputeStatus.ACCEPTED);
    }

    @Test
    void stagedEvidenceSaysSoAndAnAbsentSubmitIsLeftOut() {
        kassa.then(json(200, DISPUTE_WITHOUT_MONEY), json(200, DISPUTE_WITHOUT_MONEY));

        client.submitDisputeEvidence("dp_2", EvidenceRequest.stage(Map.of("receipt", "r")));
        client.submitDisputeEvidence("dp_2", new EvidenceRequest(Map.of("receipt", "r"), null));

        List<FakeKassa.Recorded> requests = kassa.requests();
        assertThat(tree(requests.get(0).bodyText()))
                .isEqualTo(tree("{\"evidence\": {\"receipt\": \"r\"}, \"submit\": false}"));
        assertThat(tree(requests.get(1).bodyText())).isEqualTo(tree("{\"evidence\": {\"receipt\": \"r\"}}"));
    }

    @Test
    void tellsWhoseKeyItHolds() {
        kassa.then(json(200, "{\"merchant_id\": \"m_demo\", \"key_prefix\": \"sk_test_abcd\"}"));

        MerchantIdentity me = client.currentMerchant();

        assertThat(kassa.onlyRequest().path()).isEqualTo("/api/v1/merchants/me");
        assertThat(me).isEqualTo(new MerchantIdentity("m_demo", "sk_test_abcd"));
    }

    @Test
    void ignoresFieldsAndStatusesANewerServerAdds() {
        kassa.then(json(200, """
                {"checkout_id": "chk_1", "status": "ON_HOLD", "created_at": "2026-11-20T23:53:52.374Z",
                 "merchant_reference": "order-7", "links": {"self": "/api/v1/payments/chk_1"},
                 "payment_orders": [{"payment_order_id": "po_1", "seller_account": "seller_1", "amount": "29.99",
                                     "currency": "USD", "status": "AUTHORIZED", "fx": {"rate": "1.08"},
                                     "installments": [1, 2, 3]}]}"""),
                json(200, DISPUTE_WITH_MONEY
                        .replace("\"fee_minor\"", "\"network_reason_code\": \"10.4\", \"fee_minor\"")
                        .replace("{\"wallet\": true, \"ledger\": true}", "{\"wallet\": true, \"ledger\": true, \"at\": 1}")));

        Checkout checkout = client.getCheckout("chk_1");
        Dispute dispute = client.getDispute("dp_1");

        assertThat(checkout.status()).isEqualTo(CheckoutStatus.UNKNOWN);
        assertThat(checkout.paymentOrders()).singleElement().satisfies(order -> {
            assertThat(order.status()).isEqualTo(PaymentOrderStatus.UNKNOWN);
            assertThat(order.money()).isEqualTo(Money.of("29.99", "USD"));
            // Fields the answer left out read as false, not as an error.
            assertThat(order.walletUpdated()).isFalse();
        });
        assertThat(dispute.feeMinor()).isEqualTo(1500L);
        assertThat(dispute.withdrawalBooked().ledger()).isTrue();
    }

    @Test
    void encodesIdsAsOnePathSegment() {
        kassa.then(problem(400, """
                {"type": "https://kassa.dev/problems/invalid-request", "title": "Invalid request", "status": 400}"""));

        assertThatThrownBy(() -> client.getCheckout("../a/b c")).isInstanceOf(InvalidRequestException.class);

        assertThat(kassa.onlyRequest().path()).isEqualTo("/api/v1/payments/%2E%2E%2Fa%2Fb%20c");
    }

    @Test
    void keepsThePathOfItsBaseUrl() {
        kassa.then(json(200, COMPLETED));
        try (KassaClient prefixed = KassaClient.builder().baseUrl(kassa.baseUrl() + "/kassa/").apiKey(KEY).build()) {
            prefixed.getCheckout("chk_1");
        }
        assertThat(kassa.onlyRequest().path()).isEqualTo("/kassa/api/v1/payments/chk_1");
    }

    @Test
    void servesManyThreadsAtOnce() throws Exception {
        kassa.always(json(202, PROCESSING));
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Checkout>> calls = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String id = "chk_" + i;
                calls.add(() -> client.createCheckout(new CreateCheckoutRequest(id, CHECKOUT.buyerInfo(),
                        CHECKOUT.creditCardInfo(), List.of(new PaymentOrderRequest("po_" + id, "seller_1",
                        Money.of("1.00", "EUR"))))));
            }
            for (Future<Checkout> result : pool.invokeAll(calls, 30, TimeUnit.SECONDS)) {
                assertThat(result.get().status()).isEqualTo(CheckoutStatus.PROCESSING);
            }
        } finally {
            pool.shutdownNow();
        }
        List<FakeKassa.Recorded> requests = kassa.requests();
        assertThat(requests).hasSize(threads);
        Set<String> ids = requests.stream().map(request -> tree(request.bodyText()).get("checkout_id").asString())
                .collect(Collectors.toSet());
        Set<String> requestIds = requests.stream().map(request -> request.header("X-Request-Id"))
                .collect(Collectors.toSet());
        assertThat(ids).hasSize(threads);
        assertThat(requestIds).hasSize(threads);
    }

    @Test
    void neverShowsItsKey() {
        kassa.then(problem(401, """
                {"type": "https://kassa.dev/problems/unauthenticated", "title": "Authentication required",
                 "status": 401, "detail": "the key is unknown or revoked"}""", "WWW-Authenticate", "Bearer"));

        assertThatThrownBy(() -> client.getCheckout("chk_1"))
                .isInstanceOf(UnauthenticatedException.class)
                .satisfies(e -> assertThat(e.toString()).doesNotContain(KEY).contains("the key is unknown or revoked"));
        assertThat(client.toString()).doesNotContain(KEY).contains(kassa.baseUrl());
    }
}
