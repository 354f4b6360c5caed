package dev.kassa.client;

import static dev.kassa.client.FakeKassa.json;
import static dev.kassa.client.FakeKassa.problem;
import static dev.kassa.client.FakeKassa.reply;
import static dev.kassa.client.Samples.CHECKOUT;
import static dev.kassa.client.Samples.CONFLICT;
import static dev.kassa.client.Samples.KEY;
import static dev.kassa.client.Samples.PROCESSING;
import static dev.kassa.client.Samples.REFUND;
import static dev.kassa.client.Samples.UNAVAILABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Which requests are sent again, on what, how often and how far apart. The waits are recorded, not slept; a timeout is
 * a real one (the fake server holds the request past the client's request timeout).
 */
@Tag("fast")
class KassaClientRetryTest {

    /** 4 attempts, 100 ms doubling, no jitter: waits of 100, 200 and 400 ms. */
    private static final RetryPolicy POLICY = new RetryPolicy(4, Duration.ofMillis(100), 2.0, Duration.ofSeconds(2), 0);

    private FakeKassa kassa;
    private RecordingSleeper sleeper;
    private KassaClient client;

    @BeforeEach
    void start() throws Exception {
        kassa = new FakeKassa();
        sleeper = new RecordingSleeper();
        client = client(kassa.baseUrl());
    }

    private KassaClient client(String baseUrl) {
        return KassaClient.builder().baseUrl(baseUrl).apiKey(KEY).retryPolicy(POLICY)
                .requestTimeout(Duration.ofMillis(500)).sleeper(sleeper).nanoTime(sleeper::nanoTime).build();
    }

    @AfterEach
    void stop() {
        client.close();
        kassa.close();
    }

    @Test
    void a503ThenA202IsTheSameCheckoutSentTwice() {
        kassa.then(problem(503, UNAVAILABLE, "Retry-After", "1"), json(202, PROCESSING));

        Checkout checkout = client.createCheckout(CHECKOUT);

        assertThat(checkout.status()).isEqualTo(CheckoutStatus.PROCESSING);
        List<FakeKassa.Recorded> requests = kassa.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).body()).isEqualTo(requests.get(0).body()).isNotEmpty();
        assertThat(requests.get(1).path()).isEqualTo(requests.get(0).path()).isEqualTo("/api/v1/payments");
        assertThat(requests.get(1).header("X-Request-Id")).isEqualTo(requests.get(0).header("X-Request-Id"));
        assertThat(requests.get(1).header("Authorization")).isEqualTo("Bearer " + KEY);
        // Retry-After (1 s) is longer than the policy's first wait (100 ms), and within its longest (2 s).
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void aTimedOutCheckoutIsSentAgain() {
        kassa.then(kassa.silence(), json(202, PROCESSING));

        Checkout checkout = client.createCheckout(CHECKOUT);

        assertThat(checkout.checkoutId()).isEqualTo("chk_1");
        List<FakeKassa.Recorded> requests = kassa.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).body()).isEqualTo(requests.get(0).body());
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(100));
    }

    @Test
    void anAsyncCheckoutIsSentAgainAfterA503AndATimeoutThenCompletesWithTheCheckout() {
        kassa.then(problem(503, UNAVAILABLE, "Retry-After", "1"), kassa.silence(), json(202, PROCESSING));
        List<String> attempts = new CopyOnWriteArrayList<>();
        ExchangeListener listener = new ExchangeListener() {
            @Override
            public void exchanged(HttpRequest request, byte[] requestBody, HttpResponse<byte[]> response) {
                attempts.add(String.valueOf(response.statusCode()));
            }

            @Override
            public void failed(HttpRequest request, byte[] requestBody, IOException failure) {
                attempts.add(failure instanceof HttpTimeoutException ? "timeout" : failure.toString());
            }
        };
        try (KassaClient listened = KassaClient.builder().baseUrl(kassa.baseUrl()).apiKey(KEY).retryPolicy(POLICY)
                .requestTimeout(Duration.ofMillis(500)).sleeper(sleeper).exchangeListener(listener).build()) {

            Checkout checkout = listened.createCheckoutAsync(CHECKOUT).join();

            assertThat(checkout.status()).isEqualTo(CheckoutStatus.PROCESSING);
        }
        List<FakeKassa.Recorded> requests = kassa.requests();
        assertThat(requests).hasSize(3);
        assertThat(requests).extracting(FakeKassa.Recorded::bodyText).containsOnly(requests.get(0).bodyText());
        assertThat(requests).extracting(request -> request.header("X-Request-Id"))
                .containsOnly(requests.get(0).header("X-Request-Id"));
        // The 503's Retry-After, then the policy's second wait after the timeout.
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofMillis(200));
        assertThat(attempts).containsExactly("503", "timeout", "202");
    }

    @Test
    void anAsyncConflictCompletesExceptionallyWithTheProblemAfterOneAttempt() {
        kassa.then(problem(409, CONFLICT));

        CompletableFuture<Checkout> future = client.createCheckoutAsync(CHECKOUT);

        assertThatThrownBy(future::join).isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(1);
                    assertThat(e.detail()).isEqualTo("checkout_id: chk_1 was created with another body");
                });
        assertThat(kassa.requests()).hasSize(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void anAsyncCheckoutThatNeverGetsAnAnswerFailsWithATransportErrorAfterTheLastAttempt() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (KassaClient nowhere = client("http://127.0.0.1:" + closedPort)) {
            assertThatThrownBy(() -> nowhere.createCheckoutAsync(CHECKOUT).join())
                    .cause().isInstanceOfSatisfying(KassaTransportException.class, e -> {
                        assertThat(e.attempts()).isEqualTo(4);
                        assertThat(e.isTimeout()).isFalse();
                    });
        }
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200),
                Duration.ofMillis(400));
    }

    @Test
    void aConflictIsThrownWithItsProblemAndNeverSentAgain() {
        kassa.then(problem(409, CONFLICT, "X-Request-Id", "req_42"));

        assertThatThrownBy(() -> client.createCheckout(CHECKOUT))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.kind()).isEqualTo(ProblemKind.CONFLICT);
                    assertThat(e.type()).isEqualTo("https://kassa.dev/problems/conflict");
                    assertThat(e.title()).isEqualTo("Conflict");
                    assertThat(e.detail()).isEqualTo("checkout_id: chk_1 was created with another body");
                    assertThat(e.problem().instance()).isEqualTo("/api/v1/payments");
                    assertThat(e.errors()).containsExactly(
                            new Problem.FieldError("checkout_id", "chk_1 was created with another body"));
                    assertThat(e.problem().reasonFor("checkout_id")).isEqualTo("chk_1 was created with another body");
                    assertThat(e.method()).isEqualTo("POST");
                    assertThat(e.path()).isEqualTo("/api/v1/payments");
                    assertThat(e.requestId()).isEqualTo("req_42");
                    assertThat(e.attempts()).isEqualTo(1);
                    assertThat(e.retryAfter()).isEmpty();
                    assertThat(e).hasMessageContaining("409").hasMessageContaining("another body");
                });
        assertThat(kassa.requests()).hasSize(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void aRefundIsSentAgainAfterA500() {
        kassa.then(problem(500, """
                {"type": "https://kassa.dev/problems/internal-error", "title": "Internal error", "status": 500}"""),
                json(202, REFUND));

        Refund refund = client.refund("po_1", new RefundRequest("rf_1", "5.00"));

        assertThat(refund.refundId()).isEqualTo("rf_1");
        List<FakeKassa.Recorded> requests = kassa.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).body()).isEqualTo(requests.get(0).body());
        assertThat(requests.get(1).path()).isEqualTo("/api/v1/payment-orders/po_1/refunds");
    }

    @Test
    void aServiceThatStaysUnavailableIsReportedAfterTheLastAttempt() {
        kassa.always(problem(503, UNAVAILABLE, "Retry-After", "5"));

        assertThatThrownBy(() -> client.createCheckout(CHECKOUT))
                .isInstanceOfSatisfying(ServiceUnavailableException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(4);
                    assertThat(e.kind()).isEqualTo(ProblemKind.TEMPORARILY_UNAVAILABLE);
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(5));
                });
        assertThat(kassa.requests()).hasSize(4);
        // Retry-After asks for 5 s; the policy waits at most 2 s.
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Test
    void connectionFailuresAreRetriedWithGrowingWaitsThenReported() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (KassaClient nowhere = client("http://127.0.0.1:" + closedPort)) {
            assertThatThrownBy(() -> nowhere.getPaymentOrder("po_1"))
                    .isInstanceOfSatisfying(KassaTransportException.class, e -> {
                        assertThat(e.attempts()).isEqualTo(4);
                        assertThat(e.isTimeout()).isFalse();
                        assertThat(e.method()).isEqualTo("GET");
                        assertThat(e.path()).isEqualTo("/api/v1/payment-orders/po_1");
                    });
        }
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200),
                Duration.ofMillis(400));
    }

    @Test
    void aRetryOfAFailedOrderIsSentOnceEvenOnA503() {
        kassa.then(problem(503, UNAVAILABLE), json(202, "{}"));

        assertThatThrownBy(() -> client.retryPaymentOrder("po_1"))
                .isInstanceOfSatisfying(ServiceUnavailableException.class, e -> assertThat(e.attempts()).isEqualTo(1));
        assertThat(kassa.requests()).hasSize(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void evidenceIsSentOnceEvenAfterATimeout() {
        kassa.then(kassa.silence(), json(200, "{}"));

        assertThatThrownBy(() -> client.submitDisputeEvidence("dp_1", EvidenceRequest.submit(Map.of("receipt", "r"))))
                .isInstanceOfSatisfying(KassaTransportException.class, e -> {
                    assertThat(e.isTimeout()).isTrue();
                    assertThat(e.attempts()).isEqualTo(1);
                });
        assertThat(kassa.requests()).hasSize(1);
    }

    @Test
    void acceptingADisputeIsSentAgainAfterA502FromAProxy() {
        kassa.then(reply(502, "text/html", "<html><body><h1>502 Bad Gateway</h1>upstream reset</body></html>"),
                json(200, "{\"dispute_id\": \"dp_1\", \"status\": \"ACCEPTED\"}"));

        Dispute dispute = client.acceptDispute("dp_1");

        assertThat(dispute.status()).isEqualTo(DisputeStatus.ACCEPTED);
        assertThat(kassa.requests()).hasSize(2).allSatisfy(request ->
                assertThat(request.path()).isEqualTo("/api/v1/disputes/dp_1/accept"));
    }

    @Test
    void noRetriesWithRetryPolicyNone() {
        kassa.then(problem(503, UNAVAILABLE), json(202, PROCESSING));
        try (KassaClient once = KassaClient.builder().baseUrl(kassa.baseUrl()).apiKey(KEY)
                .retryPolicy(RetryPolicy.none()).sleeper(sleeper).build()) {
            assertThatThrownBy(() -> once.createCheckout(CHECKOUT)).isInstanceOf(ServiceUnavailableException.class);
        }
        assertThat(kassa.requests()).hasSize(1);
    }
}
