package dev.kassa.payment.psp;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * HTTP client of the PSP (psp-mock-service's Stripe-like API). Every call runs through the circuit
 * breaker and the latency timer. Outcomes:
 * <ul>
 *   <li>an answer, including a decline (HTTP 402 carries the declined intent);</li>
 *   <li>{@link PspRetryableException}: try again later with the same idempotency key;</li>
 *   <li>{@link PspRejectedException}: the PSP refuses the request itself; asking again cannot help.</li>
 * </ul>
 * Responses are read as a tolerant reader: fields Kassa does not know are ignored (the PSP is an outside
 * party that adds fields), unlike Kassa's own API, which refuses unknown fields.
 */
public class PspClient {

    static final String LATENCY_METRIC = "kassa.payment.psp.latency";

    private final RestClient http;
    private final CircuitBreaker circuitBreaker;
    private final MeterRegistry meters;
    private final JsonMapper json;

    public PspClient(RestClient http, CircuitBreaker circuitBreaker, MeterRegistry meters, JsonMapper json) {
        this.http = http;
        this.circuitBreaker = circuitBreaker;
        this.meters = meters;
        this.json = json;
    }

    /** {@code POST /v1/payment_intents} with the attempt's idempotency key. */
    public PaymentIntent createPaymentIntent(long amountMinor, String currency, String paymentMethod,
                                             Map<String, String> metadata, String idempotencyKey) {
        ObjectNode body = json.createObjectNode();
        body.put("amount", amountMinor);
        body.put("currency", currency);
        body.put("payment_method", paymentMethod);
        ObjectNode meta = body.putObject("metadata");
        metadata.forEach(meta::put);
        return call("create_payment_intent", () -> exchange(http.post().uri("/v1/payment_intents")
                .header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsBytes(body)), this::intentOf));
    }

    /** {@code GET /v1/payment_intents/{id}}. */
    public PaymentIntent getPaymentIntent(String id) {
        return call("get_payment_intent", () -> exchange(http.get().uri("/v1/payment_intents/{id}", id), this::intentOf));
    }

    /** {@code POST /v1/refunds} with the refund attempt's idempotency key. */
    public PspRefund createRefund(String paymentIntentId, long amountMinor, Map<String, String> metadata,
                                  String idempotencyKey) {
        ObjectNode body = json.createObjectNode();
        body.put("payment_intent", paymentIntentId);
        body.put("amount", amountMinor);
        ObjectNode meta = body.putObject("metadata");
        metadata.forEach(meta::put);
        return call("create_refund", () -> exchange(http.post().uri("/v1/refunds")
                .header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsBytes(body)), this::refundOf));
    }

    /** {@code GET /v1/refunds/{id}}. */
    public PspRefund getRefund(String id) {
        return call("get_refund", () -> exchange(http.get().uri("/v1/refunds/{id}", id), this::refundOf));
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
        T read(int status, JsonNode body);
    }

    private <T> T exchange(RestClient.RequestHeadersSpec<?> request, BodyReader<T> reader) {
        try {
            return request.exchange((req, response) -> {
                int status = response.getStatusCode().value();
                byte[] bytes = response.getBody().readAllBytes();
                return reader.read(status, parse(status, bytes));
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

    private PaymentIntent intentOf(int status, JsonNode body) {
        if (status == 402 && body.path("error").has("payment_intent")) {
            JsonNode error = body.path("error");
            String declineCode = text(error, "decline_code");
            return intent(error.path("payment_intent"), declineCode != null ? declineCode : text(error, "code"),
                    text(error, "message"));
        }
        failOnError(status, body);
        JsonNode lastError = body.path("last_payment_error");
        String declineCode = lastError.isObject()
                ? firstNonNull(text(lastError, "decline_code"), text(lastError, "code")) : null;
        return intent(body, declineCode, lastError.isObject() ? text(lastError, "message") : null);
    }

    private PaymentIntent intent(JsonNode node, String declineCode, String message) {
        Map<String, String> metadata = new LinkedHashMap<>();
        node.path("metadata").properties().forEach(e -> metadata.put(e.getKey(), e.getValue().asString()));
        return new PaymentIntent(text(node, "id"), text(node, "status"), node.path("amount").asLong(),
                text(node, "currency"), metadata, declineCode, message);
    }

    private PspRefund refundOf(int status, JsonNode body) {
        failOnError(status, body);
        return new PspRefund(text(body, "id"), text(body, "status"), body.path("amount").asLong(),
                text(body, "payment_intent"), firstNonNull(text(body, "failure_reason"), text(body, "reason")));
    }

    private static void failOnError(int status, JsonNode body) {
        if (status >= 200 && status < 300) {
            return;
        }
        JsonNode error = body.path("error");
        String code = firstNonNull(text(error, "code"), "psp_rejected");
        String message = firstNonNull(text(error, "message"), "HTTP " + status);
        if (status == 409 || status == 401 || status == 403 || status == 408 || status == 425) {
            // 409: the same key is still being processed; 401/403: our key is wrong, which an operator fixes;
            // neither is the payment's fault, so the record waits in the retry path (and then the DLT).
            throw new PspRetryableException("PSP answered HTTP " + status + " " + code + ": " + message);
        }
        throw new PspRejectedException(status, code, message);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
