package dev.kassa.payment.psp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A loopback HTTP server that records every request and answers what the test tells it to: a stand-in for Stripe
 * to hold two clients' requests side by side, and to play Stripe's answers, errors included, to {@link PspClient}.
 * The JDK's own server: enough for one request at a time, and nothing to add to the build.
 */
final class StripeCaptureServer implements AutoCloseable {

    /** One request as it arrived; {@code form} decoded from the body (or the query of a GET). */
    record Captured(String method, String path, String query, String contentType, String idempotencyKey,
                    String stripeVersion, String authorization, Map<String, List<String>> form) {
    }

    /** What the server answers. */
    record Answer(int status, String json, Map<String, String> headers) {

        static Answer of(int status, String json) {
            return new Answer(status, json, Map.of());
        }
    }

    private final HttpServer server;
    private final List<Captured> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Captured, Answer> answers;

    StripeCaptureServer(Function<Captured, Answer> answers) {
        this.answers = answers;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void answer(Function<Captured, Answer> answers) {
        this.answers = answers;
    }

    List<Captured> requests() {
        return List.copyOf(requests);
    }

    void clear() {
        requests.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String query = exchange.getRequestURI().getRawQuery();
            String form = body.length > 0 ? new String(body, StandardCharsets.UTF_8) : query;
            Captured captured = new Captured(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), query,
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    exchange.getRequestHeaders().getFirst("Stripe-Version"),
                    exchange.getRequestHeaders().getFirst("Authorization"), decode(form));
            requests.add(captured);
            Answer answer = answers.apply(captured);
            byte[] json = answer.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            answer.headers().forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(answer.status(), json.length);
            exchange.getResponseBody().write(json);
        }
    }

    /** Form parameters by decoded name, in the order of their values; sorted by name, as order carries no meaning. */
    static Map<String, List<String>> decode(String form) {
        Map<String, List<String>> parameters = new TreeMap<>();
        if (form == null || form.isEmpty()) {
            return parameters;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
