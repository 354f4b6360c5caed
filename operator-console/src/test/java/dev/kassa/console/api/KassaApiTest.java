package dev.kassa.console.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.kassa.console.ConsoleProperties;
import dev.kassa.console.signin.SignedInOperator;
import dev.kassa.web.FieldViolation;
import dev.kassa.web.security.KassaRole;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.json.JsonMapper;

/** How the console calls a service: as the signed-in operator, with what was typed encoded, refusals as problems. */
@Tag("fast")
class KassaApiTest {

    private final AtomicReference<String> lastQuery = new AtomicReference<>();
    private final AtomicReference<String> lastAuthorization = new AtomicReference<>();
    private HttpServer server;
    private KassaApi api;

    @BeforeEach
    void aServiceAndASignedInOperator() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/payments", exchange -> {
            lastQuery.set(exchange.getRequestURI().getRawQuery());
            lastAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "{\"payments\": []}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/api/v1/payment-orders", exchange -> {
            byte[] body = "{\"title\": \"Not found\", \"status\": 404, \"detail\": \"No payment order po_x\"}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/admin/risk/blocks", exchange -> {
            byte[] body = ("{\"title\": \"Invalid request\", \"status\": 400, \"detail\": \"value: must be a PSP token; "
                    + "merchant_id: is only for a buyer\", \"errors\": [{\"field\": \"value\", \"reason\": \"must be a PSP "
                    + "token\"}, {\"field\": \"merchant_id\", \"reason\": \"is only for a buyer\"}]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(400, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        api = new KassaApi(new ConsoleProperties(new ConsoleProperties.Services(url, url, url, url, url),
                Duration.ofSeconds(5), Duration.ofSeconds(30)), JsonMapper.builder().build());
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new SignedInOperator("vera", Set.of(KassaRole.VIEWER), "opk_vera"), null, List.of()));
    }

    @AfterEach
    void stop() {
        server.stop(0);
        SecurityContextHolder.clearContext();
    }

    @Test
    void callsAsTheSignedInOperatorWithWhatWasTypedEncodedAsValues() {
        api.get(Backend.PAYMENT, "/api/v1/payments", Map.of("seller_account", " {s}&x=1+2 "));

        assertThat(lastAuthorization.get()).isEqualTo("Bearer opk_vera");
        assertThat(lastQuery.get()).isEqualTo("seller_account=%7Bs%7D%26x%3D1%2B2");
    }

    @Test
    void aRefusalIsTheServicesOwnProblemDetail() {
        assertThatThrownBy(() -> api.get(Backend.PAYMENT, "/api/v1/payment-orders/{id}", Map.of(), "po_x"))
                .isInstanceOfSatisfying(ServiceProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(404);
                    assertThat(problem.detail()).isEqualTo("No payment order po_x");
                    assertThat(problem.isNotFound()).isTrue();
                });
        assertThat(KassaApi.optional(() -> api.get(Backend.PAYMENT, "/api/v1/payment-orders/{id}", Map.of(), "po_x")))
                .isEmpty();
    }

    @Test
    void anInvalidInputsProblemNamesItsFields() {
        assertThatThrownBy(() -> api.post(Backend.PAYMENT, "/admin/risk/blocks", Map.of("kind", "token")))
                .isInstanceOfSatisfying(ServiceProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.detail()).isEqualTo("value: must be a PSP token; merchant_id: is only for a buyer");
                    assertThat(problem.errors()).containsExactly(new FieldViolation("value", "must be a PSP token"),
                            new FieldViolation("merchant_id", "is only for a buyer"));
                });
        assertThatThrownBy(() -> api.get(Backend.PAYMENT, "/api/v1/payment-orders/{id}", Map.of(), "po_x"))
                .isInstanceOfSatisfying(ServiceProblem.class, problem -> assertThat(problem.errors()).isEmpty());
    }
}
