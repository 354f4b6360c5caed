package dev.kassa.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kassa.localstack.FreePort;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.AbstractProtocol;
import org.apache.tomcat.util.threads.VirtualThreadExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The proxy in front of stub instances, on ports of its own as ./kassa --instances runs it. "payments" has a live
 * instance and one that died but still counts as healthy (its probe switched off), so every request meets the dead
 * one in turn: the test sees what is repeated on the other instance and what is not. "wallets" has its readiness
 * probe on: an instance that is not ready gets no requests until it is. "ledgers" has none alive.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProxyRoutingTest {

    private static final StubInstance PAYMENT_A = start("payment-a");
    private static final StubInstance WALLET_A = start("wallet-a");
    private static final StubInstance WALLET_B = start("wallet-b");
    private static final StubInstance ORDERS_A = start("orders-a");
    private static final StubInstance ORDERS_B = start("orders-b");
    // Ports the proxy binds once its context starts: FreePort's, which no outgoing connection takes meanwhile.
    private static final int PAYMENT_PORT = FreePort.pick();
    private static final int WALLET_PORT = FreePort.pick();
    private static final int LEDGER_PORT = FreePort.pick();
    private static final int ORDERS_PORT = FreePort.pick();

    private final HttpClient client = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) throws IOException {
        // The deployment's services keep their connectors, on free ports instead of 8080-8084, so that the test
        // runs while ./kassa does.
        for (String service : List.of("payment-service", "psp-mock-service", "wallet-service", "ledger-service",
                "reconciliation-service")) {
            int port = FreePort.pick();
            registry.add("kassa.proxy.services." + service + ".port", () -> port);
        }
        registry.add("kassa.proxy.services.payments.port", () -> PAYMENT_PORT);
        registry.add("kassa.proxy.services.payments.idempotent-posts", () -> "/api/v1/payments");
        registry.add("spring.cloud.discovery.client.simple.instances.payments[0].uri", PAYMENT_A::uri);
        int dead = StubInstance.deadPort();
        registry.add("spring.cloud.discovery.client.simple.instances.payments[1].uri", () -> "http://127.0.0.1:" + dead);
        // An empty path: Spring Cloud counts the instance healthy without asking it.
        registry.add("spring.cloud.loadbalancer.health-check.path.payments", () -> "");
        registry.add("kassa.proxy.services.wallets.port", () -> WALLET_PORT);
        registry.add("spring.cloud.discovery.client.simple.instances.wallets[0].uri", WALLET_A::uri);
        registry.add("spring.cloud.discovery.client.simple.instances.wallets[1].uri", WALLET_B::uri);
        // Its one instance is dead, and its probe says so.
        registry.add("kassa.proxy.services.ledgers.port", () -> LEDGER_PORT);
        registry.add("spring.cloud.discovery.client.simple.instances.ledgers[0].uri", () -> "http://127.0.0.1:" + dead);
        // Two live instances, one of which the test makes slow to answer.
        registry.add("kassa.proxy.services.orders.port", () -> ORDERS_PORT);
        registry.add("spring.cloud.discovery.client.simple.instances.orders[0].uri", ORDERS_A::uri);
        registry.add("spring.cloud.discovery.client.simple.instances.orders[1].uri", ORDERS_B::uri);
    }

    @AfterAll
    static void stopInstances() {
        PAYMENT_A.close();
        WALLET_A.close();
        WALLET_B.close();
        ORDERS_A.close();
        ORDERS_B.close();
    }

    @Test
    void aKeyedPostThatMeetsADeadInstanceIsRepeatedOnTheLiveOneWithItsBody() throws Exception {
        for (int i = 0; i < 6; i++) {
            String body = "{\"checkout_id\":\"chk_" + i + "\"}";
            HttpResponse<String> response = send(post(PAYMENT_PORT, "/api/v1/payments", body));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("payment-a POST /api/v1/payments " + body);
        }
    }

    @Test
    void readsAndPostsWithAnIdempotencyKeyAreRepeatedToo() throws Exception {
        for (int i = 0; i < 6; i++) {
            assertThat(send(get(PAYMENT_PORT, "/api/v1/payments/chk_1")).body())
                    .isEqualTo("payment-a GET /api/v1/payments/chk_1 ");
            HttpRequest keyed = HttpRequest.newBuilder(uri(PAYMENT_PORT, "/v1/payment_intents"))
                    .header("Idempotency-Key", "key-" + i).POST(HttpRequest.BodyPublishers.ofString("amount=100"))
                    .build();
            assertThat(send(keyed).body()).isEqualTo("payment-a POST /v1/payment_intents amount=100");
        }
    }

    @Test
    void anyOtherPostIsSentOnceSoTheDeadInstancesShareIsAnswered502() throws Exception {
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            responses.add(send(post(PAYMENT_PORT, "/api/v1/merchants/m_1/keys", "{}")));
        }
        // Neither instance has a request in flight when the next comes, so they take turns: every other request is the
        // dead one's, and not repeated.
        assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(200, 502).contains(200, 502);
        assertThat(responses).filteredOn(response -> response.statusCode() == 502).allSatisfy(response -> {
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).contains("No answer from an instance of payments");
        });
        assertThat(responses).filteredOn(response -> response.statusCode() == 200).extracting(HttpResponse::body)
                .containsOnly("payment-a POST /api/v1/merchants/m_1/keys {}");
    }

    @Test
    void aServiceWithNoReadyInstanceIsAnswered503WithRetryAfter() throws Exception {
        HttpResponse<String> response = send(get(LEDGER_PORT, "/api/v1/ledger/trial-balance"));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(response.body()).contains("No instance of ledgers is ready");
    }

    @Test
    void anInstanceThatIsNotReadyGetsNoRequestsUntilItIs() throws Exception {
        WALLET_B.ready(false);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(instancesAnswering()).containsOnly("wallet-a"));
        WALLET_B.ready(true);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(instancesAnswering()).containsExactlyInAnyOrder("wallet-a", "wallet-b"));
    }

    @Test
    void anInstanceSlowToAnswerGetsNoMoreRequestsUntilItAnswers() throws Exception {
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(instancesAnswering(ORDERS_PORT)).containsExactlyInAnyOrder("orders-a", "orders-b"));
        int before = ORDERS_B.received();
        ORDERS_B.hold();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                int slowOnes = ORDERS_B.received();
                CompletableFuture<HttpResponse<String>> answer = client.sendAsync(get(ORDERS_PORT, "/api/v1/orders/o_" + i),
                        HttpResponse.BodyHandlers.ofString());
                answers.add(answer);
                // Answered by the other instance, or held by this one: either way the proxy has counted it.
                await().atMost(Duration.ofSeconds(10)).until(() -> answer.isDone() || ORDERS_B.received() > slowOnes);
            }
            // Round robin would have sent it every other request; it got one, and then none while that one was in flight.
            assertThat(ORDERS_B.received() - before).isEqualTo(1);
        } finally {
            ORDERS_B.release();
        }
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            assertThat(answer.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        assertThat(instancesAnswering(ORDERS_PORT)).containsExactlyInAnyOrder("orders-a", "orders-b");
    }

    private Set<String> instancesAnswering() throws Exception {
        return instancesAnswering(WALLET_PORT);
    }

    private Set<String> instancesAnswering(int port) throws Exception {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> response = send(get(port, "/api/v1/wallets/s_1"));
            assertThat(response.statusCode()).isEqualTo(200);
            names.add(response.body().split(" ")[0]);
        }
        return names;
    }

    @Test
    void everyServicePortHasTheSettingsOfTheProxysOwnPort(@Autowired WebServerApplicationContext context,
                                                          @Value("${server.tomcat.max-connections}") int maxConnections) {
        Connector[] connectors = ((TomcatWebServer) context.getWebServer()).getTomcat().getService().findConnectors();

        assertThat(connectors).extracting(Connector::getLocalPort)
                .contains(context.getWebServer().getPort(), PAYMENT_PORT, WALLET_PORT, LEDGER_PORT);
        assertThat(connectors).allSatisfy(connector -> {
            assertThat(connector.getProtocolHandler().getExecutor()).isInstanceOf(VirtualThreadExecutor.class);
            assertThat(((AbstractProtocol<?>) connector.getProtocolHandler()).getMaxConnections())
                    .isEqualTo(maxConnections);
        });
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest get(int port, String path) {
        return HttpRequest.newBuilder(uri(port, path)).GET().build();
    }

    private static HttpRequest post(int port, String path, String body) {
        return HttpRequest.newBuilder(uri(port, path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static StubInstance start(String name) {
        try {
            return StubInstance.start(name);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
