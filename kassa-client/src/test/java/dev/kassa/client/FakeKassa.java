package dev.kassa.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * payment-service as the client meets it: the JDK's HTTP server on 127.0.0.1 (a free port) that records every request
 * and answers each with the next scripted reply, or a 500 saying none was scripted (so a request a test did not expect
 * fails it). A reply may hold its request unanswered until the server closes, which is how a test makes the client time
 * out without sleeping.
 */
final class FakeKassa implements AutoCloseable {

    /** One request as it arrived. */
    record Recorded(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> String.join(",", entry.getValue())).findFirst().orElse(null);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    @FunctionalInterface
    interface Reply {
        void answer(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Reply fallback;

    FakeKassa() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers the next requests with these, in order. */
    FakeKassa then(Reply... next) {
        replies.addAll(List.of(next));
        return this;
    }

    /** Answers every request beyond the scripted ones with {@code reply}. */
    FakeKassa always(Reply reply) {
        this.fallback = reply;
        return this;
    }

    List<Recorded> requests() {
        return new ArrayList<>(requests);
    }

    Recorded onlyRequest() {
        List<Recorded> all = requests();
        if (all.size() != 1) {
            throw new AssertionError("expected exactly one request, got " + all.size() + ": " + all);
        }
        return all.get(0);
    }

    static Reply json(int status, String body, String... headers) {
        return reply(status, "application/json", body, headers);
    }

    static Reply problem(int status, String body, String... headers) {
        return reply(status, "application/problem+json", body, headers);
    }

    static Reply reply(int status, String contentType, String body, String... headers) {
        return exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            for (int i = 0; i + 1 < headers.length; i += 2) {
                exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
            }
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        };
    }

    /** Holds the request without an answer until the server closes: the client's request timeout runs out. */
    Reply silence() {
        return exchange -> {
            try {
                closing.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        };
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body));
        Reply reply = replies.poll();
        if (reply == null) {
            reply = fallback;
        }
        if (reply == null) {
            reply = problem(500, """
                    {"type": "https://kassa.dev/problems/internal-error", "title": "no reply scripted", "status": 500}""");
        }
        try {
            reply.answer(exchange);
        } catch (IOException clientGone) {
            exchange.close();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
