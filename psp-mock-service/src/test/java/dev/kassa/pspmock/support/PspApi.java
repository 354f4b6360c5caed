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
import dev.kassa.testfixtures.contract.ApiContract;
import dev.kassa.testfixtures.contract.ApiDocument;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for the PSP's API, as payment-service would call it: real requests over 127.0.0.1, with the
 * PSP's API key, or with another key ({@link #as}: an operator's for {@code /admin}). Every exchange is checked
 * against docs/api/psp-mock-service.json ({@link #CONTRACT}), but those of {@link #outsideTheApi()}.
 */
public final class PspApi {

    /** The local profile's API key (application-local.yaml). */
    public static final String SECRET_KEY = "sk_test_kassa";
    static final String FORM = "application/x-www-form-urlencoded";
    /** The committed API document, referee of every exchange of the tests (the Stripe SDK's too: {@link StripeSdk}). */
    public static final ApiContract CONTRACT = ApiContract.of("psp-mock-service");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String key;
    private final boolean checked;

    /** Checked against the contract, but while a run rewrites it (ApiDocumentTest): the old one is no referee then. */
    public PspApi(int port) {
        this("http://127.0.0.1:" + port, SECRET_KEY, !Boolean.getBoolean(ApiDocument.WRITE_PROPERTY));
    }

    private PspApi(String baseUrl, String key, boolean checked) {
        this.baseUrl = baseUrl;
        this.key = key;
        this.checked = checked;
    }

    /** The same client with another bearer key, e.g. {@code api.as(TestKeys.OPERATOR)}. */
    public PspApi as(String otherKey) {
        return new PspApi(baseUrl, otherKey, checked);
    }

    /**
     * The same client without the contract, for requests to what the API does not have: a method a path does not
     * serve, a path outside every rule, a URL the firewall rejects. The security chain refuses those (401, 403, 400)
     * before any routing, which the document cannot describe (it accepts only 404 and 405 for them); the tests that
     * send them are about the security layer, and assert the refusal themselves.
     */
    public PspApi outsideTheApi() {
        return new PspApi(baseUrl, key, false);
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
                .header("Content-Type", json ? "application/json" : FORM);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request, body);
    }

    /** A form body, as Stripe's SDKs and payment-service send it, e.g. {@code amount=100&metadata[k]=v}. */
    public Response postForm(String path, String idempotencyKey, String form) {
        HttpRequest.Builder request = authorized(path).POST(HttpRequest.BodyPublishers.ofString(form))
                .header("Content-Type", FORM);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request, form);
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

    /** A request without a body, or one whose body the contract need not see (it checks requests answered 2xx). */
    public Response send(HttpRequest.Builder request) {
        return send(request, null);
    }

    /** @param body the body the request carries, as sent, for the contract's check of the request */
    public Response send(HttpRequest.Builder builder, String body) {
        try {
            HttpRequest request = builder.timeout(Duration.ofSeconds(30)).build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (checked) {
                check(request, body, response);
            }
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException("Request to the PSP failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The exchange against the contract. A form body's request is checked without its body: the validator reads a form
     * flat, so Stripe's bracket names ({@code metadata[order_id]=po_1}) would be fields the document does not name,
     * and a false failure; the response is checked in full, and JSON bodies (the {@code /admin} switches) are too.
     */
    private static void check(HttpRequest request, String body, HttpResponse<String> response) {
        boolean form = request.headers().firstValue("Content-Type").orElse("").startsWith(FORM);
        CONTRACT.check(request, form ? null : body, response);
    }

    public HttpRequest.Builder unauthorized(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path));
    }

    private HttpRequest.Builder authorized(String path) {
        return unauthorized(path).header("Authorization", TestKeys.bearer(key));
    }
}
