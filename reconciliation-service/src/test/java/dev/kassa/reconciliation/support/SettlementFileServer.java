package dev.kassa.reconciliation.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A stand-in for the PSP's {@code GET /v1/settlements/{date}} on 127.0.0.1: serves exactly the rows a test
 * puts there (faults included), streamed with chunked encoding like a large real file, and insists on the
 * bearer key, as the PSP does.
 */
public final class SettlementFileServer {

    public static final String API_KEY = "sk_test_kassa";

    /** Writes a file's body; lets the benchmark generate 100,000 rows without holding them. */
    @FunctionalInterface
    public interface Body {
        void writeTo(Writer out) throws IOException;
    }

    private record Answer(int status, String contentType, Body body) {
    }

    private static final SettlementFileServer SHARED = start();

    private final HttpServer server;
    private final Map<LocalDate, Answer> answers = new ConcurrentHashMap<>();
    private final Map<LocalDate, String> relays = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();

    private SettlementFileServer(HttpServer server) {
        this.server = server;
    }

    public static SettlementFileServer shared() {
        return SHARED;
    }

    private static SettlementFileServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            SettlementFileServer files = new SettlementFileServer(server);
            server.createContext("/v1/settlements/", files::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void serve(LocalDate date, String csv) {
        serve(date, out -> out.write(csv));
    }

    public void serve(LocalDate date, Body body) {
        relays.remove(date);
        answers.put(date, new Answer(200, "text/csv; charset=utf-8", body));
    }

    /**
     * This day's file comes from a real PSP at {@code baseUrl}: the request (with its Authorization header)
     * is relayed there and the answer streamed back unchanged.
     */
    public void relay(LocalDate date, String baseUrl) {
        relays.put(date, baseUrl);
        answers.remove(date);
    }

    /** The PSP refuses: e.g. 503 while it is down. */
    public void refuse(LocalDate date, int status, String json) {
        answers.put(date, new Answer(status, "application/json", out -> out.write(json)));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!("Bearer " + API_KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                respond(exchange, new Answer(401, "application/json", out -> out.write(
                        "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"unauthorized\",\"message\":\"bad key\"}}")));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            LocalDate date;
            try {
                date = LocalDate.parse(path.substring(path.lastIndexOf('/') + 1));
            } catch (RuntimeException e) {
                respond(exchange, new Answer(400, "application/json", out -> out.write("{\"error\":{\"code\":\"bad_date\"}}")));
                return;
            }
            String relayTo = relays.get(date);
            if (relayTo != null) {
                relay(exchange, relayTo + path);
                return;
            }
            Answer answer = answers.get(date);
            respond(exchange, answer != null ? answer
                    : new Answer(404, "application/json", out -> out.write("{\"error\":{\"code\":\"resource_missing\"}}")));
        }
    }

    private void relay(HttpExchange exchange, String url) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", exchange.getRequestHeaders().getFirst("Authorization"))
                .GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            response.headers().firstValue("Content-Type")
                    .ifPresent(type -> exchange.getResponseHeaders().set("Content-Type", type));
            exchange.sendResponseHeaders(response.statusCode(), 0);
            try (InputStream in = response.body(); OutputStream out = exchange.getResponseBody()) {
                in.transferTo(out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void respond(HttpExchange exchange, Answer answer) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), 0); // chunked: the length is not known up front
        try (OutputStream body = exchange.getResponseBody();
             Writer out = new OutputStreamWriter(body, StandardCharsets.UTF_8)) {
            answer.body().writeTo(out);
        }
    }
}
