package dev.kassa.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * A client of payment-service's merchant API ({@code /api/v1/payments}, {@code /api/v1/payment-orders},
 * {@code /api/v1/disputes}), for a checkout frontend's back end or a back office holding a merchant's secret key. Every
 * request carries {@code Authorization: Bearer <key>} and an {@code X-Request-Id} (the same on each attempt of one call,
 * so the server's logs and audit rows tie them together).
 *
 * <p>Requests that are idempotent (creating a checkout, a refund, accepting a dispute, every read) are sent again after
 * a timeout, a connection failure or a 5xx answer, byte for byte the same, as the {@link RetryPolicy} allows; a 4xx is
 * never repeated. Errors are thrown as {@link KassaApiException}s carrying the problem detail, or as a
 * {@link KassaTransportException} when no answer came. The client is immutable and thread-safe: build one per key and
 * share it.
 *
 * <pre>{@code
 * KassaClient kassa = KassaClient.builder().baseUrl("http://127.0.0.1:8080").apiKey(key).build();
 * }</pre>
 */
public final class KassaClient implements AutoCloseable {

    private static final String JSON = "application/json";
    private static final String JSON_OR_PROBLEM = "application/json, application/problem+json";
    private static final String HTML = "text/html";
    private static final String USER_AGENT = "kassa-client/0.1 (Java " + Runtime.version().feature() + ")";
    private static final int DETAIL_SNIPPET = 200;
    private static final TypeReference<List<Dispute>> DISPUTES = new TypeReference<>() {
    };

    private final String baseUrl;
    private final String authorization;
    private final Duration requestTimeout;
    private final RetryPolicy retryPolicy;
    private final Duration pollInterval;
    private final HttpClient http;
    private final boolean ownsHttp;
    private final Sleeper sleeper;
    private final LongSupplier nanoTime;
    private final ExchangeListener listener;
    private final Map<String, String> headers;

    private KassaClient(Builder builder) {
        this.baseUrl = builder.baseUrl;
        this.authorization = "Bearer " + builder.apiKey;
        this.requestTimeout = builder.requestTimeout;
        this.retryPolicy = builder.retryPolicy;
        this.pollInterval = builder.pollInterval;
        this.ownsHttp = builder.httpClient == null;
        this.http = ownsHttp
                ? HttpClient.newBuilder().connectTimeout(builder.connectTimeout)
                        .followRedirects(HttpClient.Redirect.NEVER).build()
                : builder.httpClient;
        this.sleeper = builder.sleeper;
        this.nanoTime = builder.nanoTime;
        this.listener = builder.listener;
        this.headers = Map.copyOf(builder.headers);
    }

    public static Builder builder() {
        return new Builder();
    }

    // --- Checkouts ---------------------------------------------------------------------------------------------------

    /**
     * {@code POST /api/v1/payments}: creates the checkout (202) or, when one with this {@code checkout_id} and the same
     * body exists, answers it as it stands (200); both return the checkout. Sent again on timeouts and 5xx.
     *
     * @throws InvalidRequestException a field breaks a rule ({@link KassaApiException#errors()} names each)
     * @throws ConflictException       the id was used with another body, an order id belongs to another checkout, or
     *                                 a seller belongs to another merchant
     */
    public Checkout createCheckout(CreateCheckoutRequest request) {
        Objects.requireNonNull(request, "request");
        return send("POST", "/api/v1/payments", body(request), true, Checkout.class);
    }

    /**
     * {@link #createCheckout} without blocking a thread, for a caller that has many checkouts in flight (a load
     * generator, a reactive back end): attempts and the waits between them run on the HTTP client's executor (the
     * {@link Builder#httpClient} one's, when given), and so does the {@link ExchangeListener}. The future completes with
     * the checkout, or exceptionally with what {@link #createCheckout} throws.
     */
    public CompletableFuture<Checkout> createCheckoutAsync(CreateCheckoutRequest request) {
        Objects.requireNonNull(request, "request");
        String path = "/api/v1/payments";
        return exchangeAsync("POST", path, body(request), true, JSON_OR_PROBLEM)
                .thenApply(response -> read(response, path, "POST", bytes -> Json.MAPPER.readValue(bytes, Checkout.class)));
    }

    /** {@code GET /api/v1/payments/{checkout_id}}. @throws NotFoundException unknown, or another merchant's */
    public Checkout getCheckout(String checkoutId) {
        return send("GET", "/api/v1/payments/" + segment(checkoutId), null, true, Checkout.class);
    }

    /**
     * Reads the checkout every poll interval (builder, default 500 ms) until it is {@link CheckoutStatus#COMPLETED}:
     * every order final and every succeeded one booked. A declined order completes too; look at its status.
     *
     * @throws AwaitTimeoutException not completed within {@code timeout}, with the checkout as last read
     */
    public Checkout awaitCheckout(String checkoutId, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        long deadline = nanoTime.getAsLong() + timeout.toNanos();
        while (true) {
            Checkout checkout = getCheckout(checkoutId);
            if (checkout.isCompleted()) {
                return checkout;
            }
            long left = deadline - nanoTime.getAsLong();
            if (left <= 0) {
                throw new AwaitTimeoutException(checkoutId, timeout, checkout);
            }
            pause(pollInterval.toNanos() < left ? pollInterval : Duration.ofNanos(left), "GET",
                    "/api/v1/payments/" + segment(checkoutId), 1);
        }
    }

    /** {@code GET /api/v1/payments}: the merchant's checkouts, newest first, one page. */
    public CheckoutPage listCheckouts(CheckoutQuery query) {
        Objects.requireNonNull(query, "query");
        return send("GET", "/api/v1/payments" + queryString(query.parameters()), null, true, CheckoutPage.class);
    }

    /** {@code GET /api/v1/payments/{checkout_id}/receipt} as JSON. */
    public Receipt getReceipt(String checkoutId) {
        return send("GET", "/api/v1/payments/" + segment(checkoutId) + "/receipt", null, true, Receipt.class);
    }

    /** The receipt as the printable, self-contained HTML page payment-service renders ({@code Accept: text/html}). */
    public String getReceiptHtml(String checkoutId) {
        HttpResponse<byte[]> response = exchange("GET", "/api/v1/payments/" + segment(checkoutId) + "/receipt", null,
                true, HTML);
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    // --- Payment orders ----------------------------------------------------------------------------------------------

    /** {@code GET /api/v1/payment-orders/{id}}: with attempts, PSP reference, refunds and risk decisions. */
    public PaymentOrder getPaymentOrder(String paymentOrderId) {
        return send("GET", "/api/v1/payment-orders/" + segment(paymentOrderId), null, true, PaymentOrder.class);
    }

    /** {@code GET /api/v1/payment-orders/{id}/history}: every status change with its cause, oldest first. */
    public PaymentOrderHistory getPaymentOrderHistory(String paymentOrderId) {
        return send("GET", "/api/v1/payment-orders/" + segment(paymentOrderId) + "/history", null, true,
                PaymentOrderHistory.class);
    }

    /**
     * {@code POST /api/v1/payment-orders/{id}/retry}: charges a {@code FAILED} order again (a new PSP attempt); its
     * checkout is {@code PROCESSING} until the attempt is resolved. Sent once: after a lost answer, read the order.
     *
     * @throws ConflictException the order is not {@code FAILED}
     */
    public PaymentOrder retryPaymentOrder(String paymentOrderId) {
        return send("POST", "/api/v1/payment-orders/" + segment(paymentOrderId) + "/retry", null, false,
                PaymentOrder.class);
    }

    /**
     * {@code POST /api/v1/payment-orders/{id}/refunds}: requests the refund (202), or answers it as it stands when this
     * {@code refund_id} was requested with the same amount. Sent again on timeouts and 5xx. The refund settles
     * asynchronously; read the order to follow it.
     *
     * @throws RefundExceedsRefundableException more than is left to refund
     * @throws ConflictException                the order is not {@code SUCCEEDED} (or is disputed), or the id was used
     *                                          with another amount
     */
    public Refund refund(String paymentOrderId, RefundRequest request) {
        Objects.requireNonNull(request, "request");
        return send("POST", "/api/v1/payment-orders/" + segment(paymentOrderId) + "/refunds", body(request), true,
                Refund.class);
    }

    // --- Disputes ----------------------------------------------------------------------------------------------------

    /** {@code GET /api/v1/disputes}: the merchant's disputes, newest first (the server's default limit, 50). */
    public List<Dispute> listDisputes() {
        return listDisputes(null, null);
    }

    /**
     * {@code GET /api/v1/disputes?status=&limit=}.
     *
     * @param status only disputes in this status, or null for all
     * @param limit  1–500, or null for the server's default (50)
     */
    public List<Dispute> listDisputes(DisputeStatus status, Integer limit) {
        if (status == DisputeStatus.UNKNOWN) {
            throw new IllegalArgumentException("UNKNOWN is no status to filter by");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        if (status != null) {
            parameters.put("status", status.name());
        }
        if (limit != null) {
            parameters.put("limit", limit.toString());
        }
        String path = "/api/v1/disputes" + queryString(parameters);
        HttpResponse<byte[]> response = exchange("GET", path, null, true, JSON_OR_PROBLEM);
        return read(response, path, "GET", bytes -> Json.MAPPER.readValue(bytes, DISPUTES));
    }

    /** {@code GET /api/v1/disputes/{id}}. */
    public Dispute getDispute(String disputeId) {
        return send("GET", "/api/v1/disputes/" + segment(disputeId), null, true, Dispute.class);
    }

    /**
     * {@code POST /api/v1/disputes/{id}/evidence}: sends the evidence to the PSP while the dispute
     * {@code NEEDS_RESPONSE} and its {@code evidence_due_by} has not passed; submitted, it is {@code UNDER_REVIEW}.
     * Sent once: after a lost answer, read the dispute.
     *
     * @throws ConflictException the dispute takes no evidence now
     * @throws InvalidRequestException an evidence field the PSP does not know
     */
    public Dispute submitDisputeEvidence(String disputeId, EvidenceRequest request) {
        Objects.requireNonNull(request, "request");
        return send("POST", "/api/v1/disputes/" + segment(disputeId) + "/evidence", body(request), false,
                Dispute.class);
    }

    /**
     * {@code POST /api/v1/disputes/{id}/accept}: concedes the dispute ({@code ACCEPTED}; the same answer when it already
     * was, so it is sent again on timeouts and 5xx).
     *
     * @throws ConflictException the dispute is past {@code NEEDS_RESPONSE}
     */
    public Dispute acceptDispute(String disputeId) {
        return send("POST", "/api/v1/disputes/" + segment(disputeId) + "/accept", null, true, Dispute.class);
    }

    // --- The key -----------------------------------------------------------------------------------------------------

    /** {@code GET /api/v1/merchants/me}: whose key this client holds (a frontend's configuration check). */
    public MerchantIdentity currentMerchant() {
        return send("GET", "/api/v1/merchants/me", null, true, MerchantIdentity.class);
    }

    /** Closes the HTTP client this client made; one given to the builder is the caller's to close. */
    @Override
    public void close() {
        if (ownsHttp) {
            http.close();
        }
    }

    /** The base URL only: never the key. */
    @Override
    public String toString() {
        return "KassaClient[" + baseUrl + "]";
    }

    // --- The exchange ------------------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Reader<T> {
        T read(byte[] body);
    }

    private <T> T send(String method, String path, byte[] body, boolean idempotent, Class<T> type) {
        HttpResponse<byte[]> response = exchange(method, path, body, idempotent, JSON_OR_PROBLEM);
        return read(response, path, method, bytes -> Json.MAPPER.readValue(bytes, type));
    }

    private static <T> T read(HttpResponse<byte[]> response, String path, String method, Reader<T> reader) {
        if (response.body().length == 0) {
            throw new KassaException(method + " " + path + " answered " + response.statusCode() + " without a body");
        }
        try {
            return reader.read(response.body());
        } catch (JacksonException e) {
            throw new KassaException(method + " " + path + " answered " + response.statusCode()
                    + " with a body that is not the expected JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Sends the request, again as the policy allows when it is idempotent, and answers the first 2xx; throws the error
     * answer as its exception, or the last transport failure.
     */
    private HttpResponse<byte[]> exchange(String method, String path, byte[] body, boolean idempotent, String accept) {
        Call call = call(method, path, body, idempotent, accept);
        for (int attempt = 1; ; attempt++) {
            HttpResponse<byte[]> response = null;
            IOException failure = null;
            try {
                response = http.send(call.request(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                failure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KassaTransportException(method, path, attempt, false, e);
            }
            Duration retryIn = call.retryIn(attempt, response, failure);
            if (retryIn == null) {
                return response;
            }
            pause(retryIn, method, path, attempt);
        }
    }

    /**
     * {@link #exchange} without blocking: the attempts are sent with {@link HttpClient#sendAsync}, the waits between
     * them scheduled on the HTTP client's executor, and the future completes with the first 2xx or exceptionally with
     * what {@link #exchange} would throw.
     */
    private CompletableFuture<HttpResponse<byte[]>> exchangeAsync(String method, String path, byte[] body,
                                                                 boolean idempotent, String accept) {
        CompletableFuture<HttpResponse<byte[]>> result = new CompletableFuture<>();
        attemptAsync(call(method, path, body, idempotent, accept), 1, result);
        return result;
    }

    private void attemptAsync(Call call, int attempt, CompletableFuture<HttpResponse<byte[]>> result) {
        http.sendAsync(call.request(), HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, error) -> {
            try {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                if (cause != null && !(cause instanceof IOException)) {
                    throw new KassaTransportException(call.method(), call.path(), attempt, false, cause);
                }
                Duration retryIn = call.retryIn(attempt, response, (IOException) cause);
                if (retryIn == null) {
                    result.complete(response);
                } else {
                    sleeper.after(retryIn, http.executor().orElse(ForkJoinPool.commonPool()))
                            .execute(() -> attemptAsync(call, attempt + 1, result));
                }
            } catch (RuntimeException failed) {
                result.completeExceptionally(failed);
            }
        });
    }

    private Call call(String method, String path, byte[] body, boolean idempotent, String accept) {
        return new Call(method, path, body, idempotent ? retryPolicy : RetryPolicy.none(),
                request(method, path, body, accept, "kc-" + UUID.randomUUID()), listener);
    }

    /** One call: the request every attempt sends, and what follows each attempt's answer or failure. */
    private record Call(String method, String path, byte[] body, RetryPolicy policy, HttpRequest request,
                        ExchangeListener listener) {

        /**
         * After attempt {@code attempt} got {@code response} or {@code failure}: null when the response is the
         * call's answer (a 2xx), the wait before the next attempt when the policy allows one, else throws the error.
         */
        Duration retryIn(int attempt, HttpResponse<byte[]> response, IOException failure) {
            if (failure != null) {
                listener.failed(request, body, failure);
                if (attempt >= policy.maxAttempts()) {
                    throw new KassaTransportException(method, path, attempt, failure instanceof HttpTimeoutException,
                            failure);
                }
                return policy.delayAfter(attempt, null, ThreadLocalRandom.current().nextDouble());
            }
            listener.exchanged(request, body, response);
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return null;
            }
            Duration retryAfter = retryAfter(response);
            if (status >= 500 && attempt < policy.maxAttempts()) {
                return policy.delayAfter(attempt, retryAfter, ThreadLocalRandom.current().nextDouble());
            }
            throw KassaApiException.of(method, path, status, problem(response), retryAfter,
                    response.headers().firstValue("X-Request-Id").orElse(null), attempt);
        }
    }

    private HttpRequest request(String method, String path, byte[] body, String accept, String requestId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(requestTimeout)
                .header("Authorization", authorization)
                .header("Accept", accept)
                .header("User-Agent", USER_AGENT)
                .header("X-Request-Id", requestId);
        headers.forEach(request::header);
        if (body != null) {
            request.header("Content-Type", JSON).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return request.build();
    }

    private void pause(Duration delay, String method, String path, int attempts) {
        if (delay.isZero() || delay.isNegative()) {
            return;
        }
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KassaTransportException(method, path, attempts, false, e);
        }
    }

    private static byte[] body(Object request) {
        return Json.MAPPER.writeValueAsBytes(request);
    }

    /** The answer's problem detail; one made from the status and the start of the body when it holds none. */
    private static Problem problem(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        byte[] body = response.body();
        if (body.length > 0) {
            try {
                JsonNode tree = Json.MAPPER.readTree(body);
                if (tree != null && tree.isObject() && (tree.has("type") || tree.has("title") || tree.has("status"))) {
                    Problem read = Json.MAPPER.treeToValue(tree, Problem.class);
                    return new Problem(read.type() == null ? "about:blank" : read.type(), read.title(),
                            read.status() == 0 ? status : read.status(), read.detail(), read.instance(), read.errors());
                }
            } catch (JacksonException notAProblem) {
                // Not JSON (a proxy's page): described below.
            }
        }
        return new Problem("about:blank", reason(status), status, snippet(body), null, List.of());
    }

    private static String snippet(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        String text = new String(body, StandardCharsets.UTF_8).replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return text.length() <= DETAIL_SNIPPET ? text : text.substring(0, DETAIL_SNIPPET) + "…";
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "HTTP " + status;
        };
    }

    /** {@code Retry-After} in seconds or as an HTTP date; null when absent or unreadable. */
    private static Duration retryAfter(HttpResponse<byte[]> response) {
        String value = response.headers().firstValue("Retry-After").map(String::strip).orElse(null);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    /** An id as one path segment: percent-encoded beyond {@code A-Z a-z 0-9 _ -}, so it can never change the path. */
    static String segment(String id) {
        Objects.requireNonNull(id, "id");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("an id must not be empty");
        }
        StringBuilder out = new StringBuilder(id.length());
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static String queryString(Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return "";
        }
        StringJoiner query = new StringJoiner("&", "?", "");
        parameters.forEach((name, value) -> query.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
        return query.toString();
    }

    // --- Builder -----------------------------------------------------------------------------------------------------

    /**
     * Builds a {@link KassaClient}: {@link #baseUrl} and {@link #apiKey} are required; the rest has defaults (connect
     * timeout 5 s, request timeout 30 s per attempt, {@link RetryPolicy#defaults()}, poll interval 500 ms).
     */
    public static final class Builder {

        private static final Set<String> OWN_HEADERS = Set.of("authorization", "accept",
                "content-type", "user-agent", "x-request-id");

        private String baseUrl;
        private String apiKey;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Duration pollInterval = Duration.ofMillis(500);
        private HttpClient httpClient;
        private Sleeper sleeper = Sleeper.THREAD;
        private LongSupplier nanoTime = System::nanoTime;
        private ExchangeListener listener = (request, body, response) -> { };
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Where payment-service (or the proxy in front of it) answers: {@code http://127.0.0.1:8080}, or with a path
         * prefix behind a gateway ({@code https://pay.example.com/kassa}).
         */
        public Builder baseUrl(String baseUrl) {
            return baseUrl(URI.create(Objects.requireNonNull(baseUrl, "baseUrl")));
        }

        public Builder baseUrl(URI baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            String scheme = baseUrl.getScheme();
            if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || baseUrl.getHost() == null) {
                throw new IllegalArgumentException("baseUrl must be an http or https URL with a host, was " + baseUrl);
            }
            if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null || baseUrl.getRawUserInfo() != null) {
                throw new IllegalArgumentException("baseUrl must have no user info, query or fragment, was " + baseUrl);
            }
            String text = baseUrl.toString();
            while (text.endsWith("/")) {
                text = text.substring(0, text.length() - 1);
            }
            this.baseUrl = text;
            return this;
        }

        /** The merchant's secret key ({@code sk_live_…}, {@code sk_test_…}), sent as {@code Authorization: Bearer}. */
        public Builder apiKey(String apiKey) {
            Objects.requireNonNull(apiKey, "apiKey");
            if (apiKey.isBlank() || !apiKey.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                throw new IllegalArgumentException("apiKey must be printable ASCII without spaces");
            }
            this.apiKey = apiKey;
            return this;
        }

        /** How long connecting may take (ignored with {@link #httpClient}, which has its own). */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive(connectTimeout, "connectTimeout");
            return this;
        }

        /** How long one attempt may wait for its answer; a timed-out idempotent request is sent again. */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = positive(requestTimeout, "requestTimeout");
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /** How often {@link KassaClient#awaitCheckout} reads the checkout. */
        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = positive(pollInterval, "pollInterval");
            return this;
        }

        /**
         * An HTTP client of the caller's (a proxy, TLS settings, an executor); it must not follow redirects, and the
         * caller closes it. Without one the client makes its own.
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /** Told of every exchange, each attempt included (logging, metrics, contract checks). */
        public Builder exchangeListener(ExchangeListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * A header sent with every request, such as a W3C {@code traceparent} that ties the calls into the caller's
         * trace, or a gateway's routing header. Not one the client sets itself ({@code Authorization}, {@code Accept},
         * {@code Content-Type}, {@code User-Agent}, {@code X-Request-Id}), nor one the JDK's HTTP client refuses.
         */
        public Builder header(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (OWN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(name + " is set by the client");
            }
            HttpRequest.newBuilder().header(name, value); // the JDK's rules: a token name, no restricted header
            headers.put(name, value);
            return this;
        }

        /** Tests: waits recorded instead of slept. */
        Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** Tests: the clock {@link KassaClient#awaitCheckout} measures its timeout with. */
        Builder nanoTime(LongSupplier nanoTime) {
            this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
            return this;
        }

        public KassaClient build() {
            if (baseUrl == null) {
                throw new IllegalStateException("baseUrl is required");
            }
            if (apiKey == null) {
                throw new IllegalStateException("apiKey is required");
            }
            return new KassaClient(this);
        }

        private static Duration positive(Duration duration, String name) {
            Objects.requireNonNull(duration, name);
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + duration);
            }
            return duration;
        }
    }
}
