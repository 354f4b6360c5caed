package dev.kassa.launcher.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kassa.launcher.demo.KassaClient;
import dev.kassa.web.security.SecretKeys;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The bootstrap against a stand-in for payment-service's admin API (merchants and keys, §11). */
@Tag("fast")
class DemoMerchantTest {

    private static final String OPERATOR_KEY = SecretKeys.generate("opk_");

    private final FakeMerchantAdmin payment = new FakeMerchantAdmin();
    private final List<String> progress = Collections.synchronizedList(new ArrayList<>());
    private HttpServer server;
    private DemoMerchant demoMerchant;

    @BeforeEach
    void startFake() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", payment::handle);
        server.start();
        demoMerchant = new DemoMerchant(KassaClient.withKey(OPERATOR_KEY),
                "http://127.0.0.1:" + server.getAddress().getPort(), progress::add);
    }

    @AfterEach
    void stopFake() {
        server.stop(0);
    }

    @Test
    void aFreshSystemGetsTheMerchantAndANewKey() {
        MerchantKey key = demoMerchant.ensure(Optional.empty());

        assertThat(payment.merchants).containsEntry("m_demo", "Demo shop");
        assertThat(key.merchantId()).isEqualTo("m_demo");
        assertThat(key.key()).startsWith("sk_test_");
        assertThat(payment.activeKeys()).containsExactly(key.keyId());
        assertThat(payment.authenticates(key.key())).isTrue();
    }

    @Test
    void aStoredKeyThatStillAuthenticatesIsKept() {
        MerchantKey first = demoMerchant.ensure(Optional.empty());

        MerchantKey again = demoMerchant.ensure(Optional.of(first));

        assertThat(again).isEqualTo(first);
        assertThat(payment.activeKeys()).containsExactly(first.keyId());
    }

    @Test
    void aStoredKeyThatNoLongerAuthenticatesIsReplaced() {
        MerchantKey revoked = demoMerchant.ensure(Optional.empty());
        payment.revoke(revoked.keyId());

        MerchantKey replacement = demoMerchant.ensure(Optional.of(revoked));

        assertThat(replacement.keyId()).isNotEqualTo(revoked.keyId());
        assertThat(payment.authenticates(replacement.key())).isTrue();
        assertThat(progress).anyMatch(line -> line.contains("no longer authenticates"));
    }

    @Test
    void aKeyOfAWipedSystemIsReplaced() {
        MerchantKey ofWipedData = new MerchantKey("m_demo", "key_from_before", SecretKeys.generate("sk_test_"));

        MerchantKey key = demoMerchant.ensure(Optional.of(ofWipedData));

        assertThat(key.keyId()).isNotEqualTo("key_from_before");
        assertThat(payment.activeKeys()).containsExactly(key.keyId());
    }

    @Test
    void withTwoActiveKeysAlreadyTheOlderIsRevokedToMakeRoom() {
        String older = payment.createKey().keyId();
        String newer = payment.createKey().keyId();

        MerchantKey key = demoMerchant.ensure(Optional.empty());

        assertThat(payment.activeKeys()).containsExactly(newer, key.keyId()).doesNotContain(older);
    }

    @Test
    void everyAdminCallCarriesTheOperatorKey() {
        demoMerchant.ensure(Optional.empty());

        assertThat(payment.adminAuthorizations).isNotEmpty().allMatch(("Bearer " + OPERATOR_KEY)::equals);
    }

    /** payment-service's merchant admin API and its merchant authentication, as far as the bootstrap uses them. */
    private static final class FakeMerchantAdmin {

        private record Key(String keyId, String secret, String createdAt, boolean active) {
        }

        final Map<String, String> merchants = new LinkedHashMap<>();
        final List<String> adminAuthorizations = Collections.synchronizedList(new ArrayList<>());
        private final Map<String, Key> keys = new LinkedHashMap<>();

        synchronized void handle(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (path.startsWith("/admin/")) {
                adminAuthorizations.add(authorization);
            }
            if (path.equals("/admin/merchants") && method.equals("POST")) {
                boolean created = merchants.putIfAbsent("m_demo", "Demo shop") == null;
                assertThat(body).contains("\"merchant_id\":\"m_demo\"", "\"name\":\"Demo shop\"");
                answer(exchange, created ? 201 : 200, "{\"merchant_id\":\"m_demo\",\"name\":\"Demo shop\"}");
            } else if (path.equals("/admin/merchants/m_demo/keys") && method.equals("POST")) {
                if (activeKeys().size() >= 2) {
                    answer(exchange, 409, "{\"type\":\"too-many-keys\"}");
                } else {
                    Key key = createKey();
                    answer(exchange, 201, "{\"key_id\":\"" + key.keyId() + "\",\"secret\":\"" + key.secret()
                            + "\",\"prefix\":\"" + key.secret().substring(0, 12) + "\",\"created_at\":\"" + key.createdAt() + "\"}");
                }
            } else if (path.equals("/admin/merchants/m_demo/keys") && method.equals("GET")) {
                List<String> listed = new ArrayList<>();
                keys.values().forEach(key -> listed.add("{\"key_id\":\"" + key.keyId() + "\",\"created_at\":\""
                        + key.createdAt() + "\",\"revoked_at\":" + (key.active() ? "null" : "\"2026-01-01T00:00:00Z\"") + "}"));
                answer(exchange, 200, "[" + String.join(",", listed) + "]");
            } else if (path.startsWith("/admin/merchants/m_demo/keys/") && method.equals("DELETE")) {
                revoke(path.substring(path.lastIndexOf('/') + 1));
                answer(exchange, 204, "");
            } else if (path.equals("/api/v1/merchants/me") && method.equals("GET")) {
                String secret = authorization == null ? "" : authorization.substring("Bearer ".length());
                answer(exchange, authenticates(secret) ? 200 : 401, authenticates(secret)
                        ? "{\"merchant_id\":\"m_demo\",\"key_prefix\":\"" + secret.substring(0, 12) + "\"}" : "{}");
            } else {
                answer(exchange, 404, "{}");
            }
        }

        synchronized Key createKey() {
            // Newer keys get later times; listed newest first, as a real listing might, so order is not relied on.
            Key key = new Key("key_" + (keys.size() + 1), SecretKeys.generate("sk_test_"),
                    "2026-05-01T10:00:0" + keys.size() + "Z", true);
            Map<String, Key> newestFirst = new LinkedHashMap<>();
            newestFirst.put(key.keyId(), key);
            newestFirst.putAll(keys);
            keys.clear();
            keys.putAll(newestFirst);
            return key;
        }

        synchronized void revoke(String keyId) {
            keys.computeIfPresent(keyId, (id, key) -> new Key(id, key.secret(), key.createdAt(), false));
        }

        synchronized boolean authenticates(String secret) {
            return keys.values().stream().anyMatch(key -> key.active() && key.secret().equals(secret));
        }

        synchronized List<String> activeKeys() {
            return keys.values().stream().filter(Key::active).map(Key::keyId).sorted().toList();
        }

        private static void answer(HttpExchange exchange, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
            if (status != 204) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        }
    }
}
