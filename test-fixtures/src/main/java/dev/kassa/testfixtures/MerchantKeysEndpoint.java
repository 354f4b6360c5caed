package dev.kassa.testfixtures;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * payment-service's {@code GET /api/v1/merchants/me} as wallet and ledger tests need it, on a loopback port: a
 * merchant key it was given answers {@code 200 {"merchant_id": …, "key_prefix": …}}, any other {@code 401}, as
 * payment-service does. Lets a service that checks merchant keys by asking payment-service be tested without
 * starting payment-service; the contract itself is tested against the real endpoint in payment-service.
 */
public final class MerchantKeysEndpoint implements AutoCloseable {

    /** A merchant key of merchant {@link #MERCHANT_A}; PUBLIC, for tests only. */
    public static final String KEY_A = "sk_test_merchantA0000000000000000000000";
    /** A merchant key of merchant {@link #MERCHANT_B}; PUBLIC, for tests only. */
    public static final String KEY_B = "sk_test_merchantB0000000000000000000000";
    public static final String MERCHANT_A = "mer_test_a";
    public static final String MERCHANT_B = "mer_test_b";

    private final HttpServer server;
    private final Map<String, String> merchantByKey = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile int failWith;

    private MerchantKeysEndpoint(HttpServer server) {
        this.server = server;
    }

    /** Started on a free loopback port, knowing {@link #KEY_A} and {@link #KEY_B}. */
    public static MerchantKeysEndpoint start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            MerchantKeysEndpoint endpoint = new MerchantKeysEndpoint(server);
            endpoint.merchantByKey.put(KEY_A, MERCHANT_A);
            endpoint.merchantByKey.put(KEY_B, MERCHANT_B);
            server.createContext("/api/v1/merchants/me", endpoint::answer);
            server.start();
            return endpoint;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What to configure as {@code kassa.security.merchant-keys.verify-url}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Stops accepting {@code key}, as a revocation in payment-service does. */
    public void revoke(String key) {
        merchantByKey.remove(key);
    }

    /** Accepts {@code key} as {@code merchantId}'s. */
    public void add(String key, String merchantId) {
        merchantByKey.put(key, merchantId);
    }

    /** Answers every request with {@code status} (say 500, payment-service failing); 0 answers normally again. */
    public void failWith(int status) {
        this.failWith = status;
    }

    /** How many requests reached this endpoint. */
    public int calls() {
        return calls.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        if (failWith != 0) {
            exchange.sendResponseHeaders(failWith, -1);
            exchange.close();
            return;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String key = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : "";
        String merchant = "GET".equals(exchange.getRequestMethod()) ? merchantByKey.get(key) : null;
        byte[] body;
        if (merchant != null) {
            body = ("{\"merchant_id\":\"" + merchant + "\",\"key_prefix\":\"" + key.substring(0, 12) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
        } else {
            body = "{\"type\":\"https://kassa.dev/problems/unauthenticated\",\"status\":401}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(401, body.length);
        }
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
