package dev.kassa.pspmock.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import dev.kassa.testfixtures.TestKeys;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for the PSP's API, as payment-service would call it: real requests over 127.0.0.1, with the
 * PSP's API key, or with another key ({@link #as}: an operator's for {@code /admin}).
 */
public final class PspApi {

    /** The local profile's API key (application-local.yaml). */
    public static final String SECRET_KEY = "sk_test_kassa";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String key;

    public PspApi(int port) {
        this("http://127.0.0.1:" + port, SECRET_KEY);
    }

    private PspApi(String baseUrl, String key) {
        this.baseUrl = baseUrl;
        this.key = key;
    }

    /** The same client with another bearer key, e.g. {@code api.as(TestKeys.OPERATOR)}. */
    public PspApi as(String otherKey) {
        return new PspApi(baseUrl, otherKey);
    }

    public record Response(int status, String body, HttpHeaders headers) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String errorCode() {
            return json().path("error").path("code").stringValue(null);
        }

        public String errorParam() {
            return json().path("error").path("param").stringValue(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    public static String newKey() {
        return "test-" + UUID.randomUUID();
    }

    public Response createIntent(long amount, String currency, String paymentMethod) {
        return post("/v1/payment_intents", newKey(), intentBody(amount, currency, paymentMethod, "po-" + UUID.randomUUID()));
    }

    /** A confirmed charge as payment-service asks for it: Stripe's form encoding, {@code confirm=true}. */
    public static String intentBody(long amount, String currency, String paymentMethod, String paymentOrderId) {
        return "amount=%d&currency=%s&payment_method=%s&confirm=true&metadata[payment_order_id]=%s"
                .formatted(amount, currency, paymentMethod, paymentOrderId);
    }

    public Response refund(String paymentIntentId, long amount) {
        return post("/v1/refunds", newKey(), "payment_intent=%s&amount=%d".formatted(paymentIntentId, amount));
    }

    /** A JSON body (psp-mock's convenience) or a form body, labelled as what it is. */
    public Response post(String path, String idempotencyKey, String body) {
        boolean json = body.stripLeading().startsWith("{");
        HttpRequest.Builder request = authorized(path).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", json ? "application/json" : "application/x-www-form-urlencoded");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    /** A form body, as Stripe's SDKs and payment-service send it, e.g. {@code amount=100&metadata[k]=v}. */
    public Response postForm(String path, String idempotencyKey, String form) {
        HttpRequest.Builder request = authorized(path).POST(HttpRequest.BodyPublishers.ofString(form))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    public Response get(String path) {
        return send(authorized(path).GET());
    }

    public Response delete(String path) {
        return send(authorized(path).DELETE());
    }

    /** Changes fault switches as an operator, e.g. {@code faults("{\"server_error_rate\": 1}")}. */
    public Response faults(String json) {
        return as(TestKeys.OPERATOR).post("/admin/faults", null, json);
    }

    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException("Request to the PSP failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder unauthorized(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path));
    }

    private HttpRequest.Builder authorized(String path) {
        return unauthorized(path).header("Authorization", TestKeys.bearer(key));
    }
}
