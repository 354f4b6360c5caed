package dev.kassa.payment.psp;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP client of the PSP in Stripe's v1 wire format, API version {@value #STRIPE_VERSION}: Stripe itself, or
 * psp-mock-service, which speaks the same. It sends what stripe-java sends for the same calls (form bodies with
 * bracket notation, {@code Stripe-Version}, {@code Idempotency-Key}; {@code PspClientWireFormatTest} holds the two
 * side by side) but stays a small RestClient adapter, because the executor runs hundreds of calls in flight through
 * it: over one pooled, kept-alive Apache connection each, on the caller's virtual thread, observed (traceparent),
 * while stripe-java's own transport is {@code HttpURLConnection} (the JDK keeps 5 idle connections per host) and
 * its models parse every one of a PaymentIntent's fields. Every call runs through the circuit breaker and the
 * latency timer. Outcomes:
 * <ul>
 *   <li>an answer, including a decline (HTTP 402 {@code card_error} carries the declined intent);</li>
 *   <li>{@link PspRetryableException}: try again later with the same idempotency key (timeouts, 429, 5xx, 409
 *       while the key is in use, 401/403, {@code Stripe-Should-Retry: true});</li>
 *   <li>{@link PspRejectedException}: the PSP refuses the request itself ({@code invalid_request_error},
 *       {@code idempotency_error}, 404); asking again cannot help.</li>
 * </ul>
 * Currencies are ISO 4217 upper case inside Kassa and lower case on Stripe's wire: mapped both ways here.
 * Responses are read as a tolerant reader: fields Kassa does not know are ignored (the PSP is an outside
 * party that adds fields), unlike Kassa's own API, which refuses unknown fields.
 */
public class PspClient {

    static final String LATENCY_METRIC = "kassa.payment.psp.latency";
    /** The Stripe API version this adapter reads and writes (the one stripe-java 29.5.0 pins). */
    public static final String STRIPE_VERSION = "2025-08-27.basil";
    static final String STRIPE_VERSION_HEADER = "Stripe-Version";

    private final RestClient http;
    private final CircuitBreaker circuitBreaker;
    private final MeterRegistry meters;
    private final JsonMapper json;
    private final boolean confirmWithoutRedirects;

    /**
     * @param confirmWithoutRedirects also send {@code automatic_payment_methods[enabled]=true} and
     *                                {@code [allow_redirects]=never} (see {@link PspProperties})
     */
    public PspClient(RestClient http, CircuitBreaker circuitBreaker, MeterRegistry meters, JsonMapper json,
                     boolean confirmWithoutRedirects) {
        this.http = http;
        this.circuitBreaker = circuitBreaker;
        this.meters = meters;
        this.json = json;
        this.confirmWithoutRedirects = confirmWithoutRedirects;
    }

    /**
     * {@code POST /v1/payment_intents} with {@code confirm=true}, so that the charge is attempted at once, with the
     * attempt's idempotency key. {@code currency} is ISO 4217 as Kassa keeps it; Stripe takes it in lower case.
     */
    public PaymentIntent createPaymentIntent(long amountMinor, String currency, String paymentMethod,
                                             Map<String, String> metadata, String idempotencyKey) {
        FormBody form = new FormBody()
                .add("amount", amountMinor)
                .add("currency", currency.toLowerCase(Locale.ROOT))
                .add("payment_method", paymentMethod)
                .add("confirm", "true")
                .addAll("metadata", metadata);
        if (confirmWithoutRedirects) {
            // Stripe refuses a server-side confirm without a return_url while redirect-based methods are enabled in
            // the account; Kassa charges a card token and has no page to send a buyer back to.
            form.add("automatic_payment_methods[enabled]", "true")
                    .add("automatic_payment_methods[allow_redirects]", "never");
        }
        return call("create_payment_intent", () -> exchange(post("/v1/payment_intents", idempotencyKey, form),
                this::intentOf));
    }

    /** {@code GET /v1/payment_intents/{id}}. */
    public PaymentIntent getPaymentIntent(String id) {
        return call("get_payment_intent", () -> exchange(get("/v1/payment_intents/{id}", id), this::intentOf));
    }

    /** {@code POST /v1/refunds} with the refund attempt's idempotency key. */
    public PspRefund createRefund(String paymentIntentId, long amountMinor, Map<String, String> metadata,
                                  String idempotencyKey) {
        FormBody form = new FormBody()
                .add("payment_intent", paymentIntentId)
                .add("amount", amountMinor)
                .addAll("metadata", metadata);
        return call("create_refund", () -> exchange(post("/v1/refunds", idempotencyKey, form), this::refundOf));
    }

    /** {@code GET /v1/refunds/{id}}. */
    public PspRefund getRefund(String id) {
        return call("get_refund", () -> exchange(get("/v1/refunds/{id}", id), this::refundOf));
    }

    /**
     * {@code POST /v1/disputes/{id}}: the merchant's evidence ({@code evidence[<field>]}), submitted to the card
     * network when {@code submit}, under {@code idempotencyKey}.
     */
    public PspDispute updateDispute(String disputeId, Map<String, String> evidence, boolean submit,
                                    String idempotencyKey) {
        FormBody form = new FormBody().addAll("evidence", evidence).add("submit", Boolean.toString(submit));
        return call("update_dispute", () -> exchange(post("/v1/disputes/" + disputeId, idempotencyKey, form),
                this::disputeOf));
    }

    /** {@code POST /v1/disputes/{id}/close}: the merchant accepts the dispute (the PSP then calls it lost). */
    public PspDispute closeDispute(String disputeId, String idempotencyKey) {
        return call("close_dispute", () -> exchange(post("/v1/disputes/" + disputeId + "/close", idempotencyKey,
                new FormBody()), this::disputeOf));
    }

    private RestClient.RequestHeadersSpec<?> post(String path, String idempotencyKey, FormBody form) {
        return http.post().uri(path)
                .header(STRIPE_VERSION_HEADER, STRIPE_VERSION)
                .header("Idempotency-Key", idempotencyKey)
                .header(HttpHeaders.CONTENT_TYPE, FormBody.CONTENT_TYPE)
                .body(form.bytes());
    }

    private RestClient.RequestHeadersSpec<?> get(String path, String id) {
        return http.get().uri(path, id).header(STRIPE_VERSION_HEADER, STRIPE_VERSION);
    }

    private <T> T call(String operation, Supplier<T> request) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "error";
        try {
            T result = circuitBreaker.executeSupplier(request);
            outcome = "ok";
            return result;
        } catch (CallNotPermittedException open) {
            outcome = "circuit_open";
            throw new PspCircuitOpenException(open);
        } catch (PspUnavailableException e) {
            outcome = "unavailable";
            throw e;
        } catch (PspRetryableException e) {
            outcome = "retryable";
            throw e;
        } catch (PspRejectedException e) {
            outcome = "rejected";
            throw e;
        } finally {
            sample.stop(Timer.builder(LATENCY_METRIC)
                    .description("Latency of calls to the PSP")
                    .tag("operation", operation)
                    .tag("outcome", outcome)
                    .publishPercentileHistogram()
                    .register(meters));
        }
    }

    private interface BodyReader<T> {
        T read(int status, boolean shouldRetry, JsonNode body);
    }

    private <T> T exchange(RestClient.RequestHeadersSpec<?> request, BodyReader<T> reader) {
        try {
            return request.exchange((req, response) -> {
                int status = response.getStatusCode().value();
                byte[] bytes = response.getBody().readAllBytes();
                // Stripe says so on the answers where asking again with the same key can succeed (e.g. a lock timeout).
                boolean shouldRetry = "true".equals(response.getHeaders().getFirst("Stripe-Should-Retry"));
                return reader.read(status, shouldRetry, parse(status, bytes));
            });
        } catch (ResourceAccessException e) {
            // Connection refused, reset, or the read timeout: whether the PSP acted is unknown, so retry with
            // the same key (the PSP replays the first answer if it did).
            throw new PspUnavailableException("PSP unreachable: " + e.getMessage(), e);
        }
    }

    private JsonNode parse(int status, byte[] bytes) throws IOException {
        if (status == 429 || status >= 500) {
            throw new PspUnavailableException("PSP answered HTTP " + status);
        }
        try {
            return bytes.length == 0 ? json.createObjectNode() : json.readTree(bytes);
        } catch (JacksonException e) {
            throw new PspUnavailableException("PSP answered HTTP " + status + " with a body that is not JSON", e);
        }
    }

    private PaymentIntent intentOf(int status, boolean shouldRetry, JsonNode body) {
        JsonNode error = body.path("error");
        if (status == 402 && error.path("payment_intent").isObject()) {
            // A decline with confirm=true: Stripe answers a card_error that carries the intent, now
            // requires_payment_method with its last_payment_error.
            return intent(error.path("payment_intent"), firstNonNull(text(error, "decline_code"), text(error, "code")),
                    text(error, "message"));
        }
        failOnError(status, shouldRetry, body);
        JsonNode lastError = body.path("last_payment_error");
        String declineCode = lastError.isObject()
                ? firstNonNull(text(lastError, "decline_code"), text(lastError, "code")) : null;
        return intent(body, declineCode, lastError.isObject() ? text(lastError, "message") : null);
    }

    private PaymentIntent intent(JsonNode node, String declineCode, String message) {
        Map<String, String> metadata = new LinkedHashMap<>();
        node.path("metadata").properties().forEach(e -> metadata.put(e.getKey(), e.getValue().asString()));
        return new PaymentIntent(text(node, "id"), text(node, "status"), node.path("amount").asLong(),
                isoCurrency(text(node, "currency")), metadata, declineCode, message);
    }

    private PspRefund refundOf(int status, boolean shouldRetry, JsonNode body) {
        failOnError(status, shouldRetry, body);
        return new PspRefund(text(body, "id"), text(body, "status"), body.path("amount").asLong(),
                // Not Stripe's "reason": that is why the merchant refunded (requested_by_customer), not why it failed.
                text(body, "payment_intent"), text(body, "failure_reason"));
    }

    private PspDispute disputeOf(int status, boolean shouldRetry, JsonNode body) {
        failOnError(status, shouldRetry, body);
        return new PspDispute(text(body, "id"), text(body, "status"), body.path("amount").asLong(),
                isoCurrency(text(body, "currency")), text(body, "payment_intent"));
    }

    /**
     * Stripe's error object, {@code {"error": {"type", "code", "decline_code", "param", "message"}}}, as one of the
     * outcomes. The code Kassa records is the most specific one Stripe gives: the decline code of a card_error, else
     * the error code ({@code parameter_missing}, {@code resource_missing}, ...), else the type
     * ({@code idempotency_error} has no code).
     */
    private static void failOnError(int status, boolean shouldRetry, JsonNode body) {
        if (status >= 200 && status < 300) {
            return;
        }
        JsonNode error = body.path("error");
        String type = text(error, "type");
        String code = firstNonNull("card_error".equals(type) ? text(error, "decline_code") : null,
                firstNonNull(text(error, "code"), firstNonNull(type, "psp_rejected")));
        String param = text(error, "param");
        String message = firstNonNull(text(error, "message"), "HTTP " + status)
                + (param != null ? " (param " + param + ")" : "");
        if (shouldRetry || status == 409 || status == 401 || status == 403 || status == 408 || status == 425) {
            // 409: the same key is still being processed; 401/403: our key is wrong, which an operator fixes;
            // neither is the payment's fault, so the record waits in the retry path (and then the DLT).
            throw new PspRetryableException("PSP answered HTTP " + status + " " + code + ": " + message);
        }
        throw new PspRejectedException(status, code, message);
    }

    /** Stripe's lower-case currency as Kassa's ISO 4217 code. */
    private static String isoCurrency(String currency) {
        return currency == null ? null : currency.toUpperCase(Locale.ROOT);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
