package dev.kassa.reconciliation.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the PSP's {@code GET /v1/balance_transactions} on 127.0.0.1: lists exactly the transactions
 * a test puts there (faults included) for the day its {@code created[gte]} names, in pages of {@code limit}
 * with {@code has_more}, paged on by {@code starting_after}, and insists on the bearer key, as Stripe does.
 * A day may also be refused, fail or stall after some pages, or be relayed to a real psp-mock.
 */
public final class BalanceTransactionServer {

    public static final String API_KEY = "sk_test_kassa";
    /** The request's {@code Stripe-Version} header, recorded with its query parameters under this name. */
    public static final String STRIPE_VERSION_SEEN = "Stripe-Version header";

    /** What the day's listing does after {@code pagesServed} pages: answer an error, or never answer. */
    private record Fault(int afterPages, int status, String json) {
        boolean stalls() {
            return status == 0;
        }
    }

    private record Day(Iterable<BalanceTransactions.Txn> transactions, Fault fault) {
    }

    private static final BalanceTransactionServer SHARED = start();

    private final HttpServer server;
    private final Map<LocalDate, Day> days = new ConcurrentHashMap<>();
    private final Map<LocalDate, String> relays = new ConcurrentHashMap<>();
    /** Where the listing of a day goes on after the last id of a page: Stripe's cursor, kept server-side. */
    private final Map<String, Iterator<BalanceTransactions.Txn>> cursors = new ConcurrentHashMap<>();
    private final Map<LocalDate, List<Map<String, String>>> requests = new ConcurrentHashMap<>();
    private final Map<LocalDate, Integer> pagesServed = new ConcurrentHashMap<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private final HttpClient http = HttpClient.newHttpClient();

    private BalanceTransactionServer(HttpServer server) {
        this.server = server;
    }

    public static BalanceTransactionServer shared() {
        return SHARED;
    }

    private static BalanceTransactionServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            BalanceTransactionServer psp = new BalanceTransactionServer(server);
            server.createContext("/v1/balance_transactions", psp::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return psp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The day's transactions, newest first as the test lists them; read lazily, page by page. */
    public void serve(LocalDate date, Iterable<BalanceTransactions.Txn> transactions) {
        reset(date);
        days.put(date, new Day(transactions, null));
    }

    /** The PSP refuses the first page: e.g. 503 while it is down. */
    public void refuse(LocalDate date, int status, String json) {
        failAfterPages(date, new BalanceTransactions(), 0, status, json);
    }

    /** Serves {@code pages} pages of the transactions, then answers {@code status}. */
    public void failAfterPages(LocalDate date, Iterable<BalanceTransactions.Txn> transactions, int pages, int status,
                               String json) {
        reset(date);
        days.put(date, new Day(transactions, new Fault(pages, status, json)));
    }

    /** Serves {@code pages} pages, then never answers the next request (until the server's JVM ends). */
    public void stallAfterPages(LocalDate date, Iterable<BalanceTransactions.Txn> transactions, int pages) {
        reset(date);
        days.put(date, new Day(transactions, new Fault(pages, 0, null)));
    }

    /** This day is listed by a real PSP at {@code baseUrl}: each request is relayed there unchanged. */
    public void relay(LocalDate date, String baseUrl) {
        reset(date);
        relays.put(date, baseUrl);
    }

    /** The decoded query parameters of every request for the day, in order. */
    public List<Map<String, String>> requests(LocalDate date) {
        return List.copyOf(requests.getOrDefault(date, List.of()));
    }

    private void reset(LocalDate date) {
        relays.remove(date);
        days.remove(date);
        requests.remove(date);
        pagesServed.remove(date);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!("Bearer " + API_KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                respond(exchange, 401, error("invalid_request_error", "Invalid API Key provided"));
                return;
            }
            String rawQuery = exchange.getRequestURI().getRawQuery();
            Map<String, String> query = decode(rawQuery);
            LocalDate date;
            try {
                date = LocalDate.ofInstant(Instant.ofEpochSecond(Long.parseLong(query.get("created[gte]"))), ZoneOffset.UTC);
            } catch (RuntimeException e) {
                respond(exchange, 400, error("invalid_request_error", "created[gte] is required"));
                return;
            }
            String version = exchange.getRequestHeaders().getFirst("Stripe-Version");
            Map<String, String> seen = new LinkedHashMap<>(query);
            seen.put(STRIPE_VERSION_SEEN, version == null ? "" : version);
            requests.computeIfAbsent(date, d -> new CopyOnWriteArrayList<>()).add(seen);
            String relayTo = relays.get(date);
            if (relayTo != null) {
                relay(exchange, relayTo + exchange.getRequestURI().getRawPath() + "?" + rawQuery);
                return;
            }
            Day day = days.get(date);
            if (day == null) {
                respond(exchange, 200, "{\"object\":\"list\",\"url\":\"/v1/balance_transactions\",\"has_more\":false,\"data\":[]}");
                return;
            }
            int served = pagesServed.merge(date, 1, Integer::sum) - 1;
            if (day.fault() != null && served >= day.fault().afterPages()) {
                if (day.fault().stalls()) {
                    exchange.sendResponseHeaders(200, 0);
                    awaitRelease();
                    return;
                }
                respond(exchange, day.fault().status(), day.fault().json());
                return;
            }
            String startingAfter = query.get("starting_after");
            Iterator<BalanceTransactions.Txn> rest = startingAfter == null ? day.transactions().iterator()
                    : cursors.remove(startingAfter);
            if (rest == null) {
                respond(exchange, 400, error("invalid_request_error", "No such balance transaction: " + startingAfter));
                return;
            }
            int limit = Integer.parseInt(query.getOrDefault("limit", "10"));
            StringBuilder data = new StringBuilder();
            String last = null;
            for (int i = 0; i < limit && rest.hasNext(); i++) {
                BalanceTransactions.Txn txn = rest.next();
                data.append(i == 0 ? "" : ",").append(txn.json());
                last = txn.id();
            }
            boolean hasMore = rest.hasNext();
            if (hasMore) {
                cursors.put(last, rest);
            }
            respond(exchange, 200, "{\"object\":\"list\",\"url\":\"/v1/balance_transactions\",\"has_more\":" + hasMore
                    + ",\"data\":[" + data + "]}");
        }
    }

    private void awaitRelease() {
        try {
            released.await(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> decode(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.put(name, value);
        }
        return query;
    }

    private static String error(String type, String message) {
        return "{\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}}";
    }

    private void relay(HttpExchange exchange, String url) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", exchange.getRequestHeaders().getFirst("Authorization"));
        String version = exchange.getRequestHeaders().getFirst("Stripe-Version");
        if (version != null) {
            request.header("Stripe-Version", version);
        }
        try {
            HttpResponse<InputStream> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
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

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
