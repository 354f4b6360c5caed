package dev.kassa.systemtests.support;

import dev.kassa.launcher.demo.CheckoutRequest;

import static org.awaitility.Awaitility.await;

import dev.kassa.launcher.demo.KassaClient;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/** payment-service's public API, as a checkout frontend calls it. */
public final class Payments {

    private final KassaClient http;
    private final String baseUrl;

    Payments(KassaClient http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
    }

    public KassaClient.Response submit(CheckoutRequest checkout) {
        return http.post(baseUrl + "/api/v1/payments", checkout.body());
    }

    /** Submits and expects a new checkout (202). */
    public void accept(CheckoutRequest checkout) {
        expectAccepted(checkout, submit(checkout));
    }

    /** Submits with extra request headers (a caller's {@code traceparent}) and expects a new checkout (202). */
    public void accept(CheckoutRequest checkout, Map<String, String> headers) {
        expectAccepted(checkout, http.send("POST", baseUrl + "/api/v1/payments", headers,
                KassaClient.json(checkout.body())));
    }

    private static void expectAccepted(CheckoutRequest checkout, KassaClient.Response response) {
        if (response.status() != 202) {
            throw new AssertionError("POST " + checkout.checkoutId() + " answered " + response.status() + ": "
                    + response.body());
        }
    }

    public JsonNode checkout(String checkoutId) {
        return http.get(baseUrl + "/api/v1/payments/" + checkoutId).body();
    }

    public JsonNode order(String paymentOrderId) {
        return http.get(baseUrl + "/api/v1/payment-orders/" + paymentOrderId).body();
    }

    public KassaClient.Response refund(String paymentOrderId, String refundId, String amount) {
        return http.post(baseUrl + "/api/v1/payment-orders/" + paymentOrderId + "/refunds",
                Map.of("refund_id", refundId, "amount", amount));
    }

    /** The checkout once it is COMPLETED: every order terminal, every succeeded one in wallet and ledger. */
    public JsonNode awaitCompleted(String checkoutId) {
        return await("checkout " + checkoutId + " COMPLETED").atMost(Timeouts.SETTLE)
                .until(() -> checkout(checkoutId), c -> "COMPLETED".equals(c.path("status").asString()));
    }

    /** The order (with attempts, PSP reference and refunds) once {@code condition} holds. */
    public JsonNode awaitOrder(String paymentOrderId, String description, Predicate<JsonNode> condition) {
        return awaitOrder(paymentOrderId, description, Timeouts.SETTLE, condition);
    }

    public JsonNode awaitOrder(String paymentOrderId, String description, Duration timeout,
                               Predicate<JsonNode> condition) {
        return await("order " + paymentOrderId + " " + description).atMost(timeout)
                .until(() -> order(paymentOrderId), condition::test);
    }
}
