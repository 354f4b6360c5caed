package dev.kassa.payment.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.payment.PaymentServiceTestBase;
import dev.kassa.payment.support.HttpApi;
import dev.kassa.schemas.event.PaymentOrderExecutionRequested;
import dev.kassa.schemas.event.PaymentOrderFailed;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/payment-orders/{id}} and the manual retry of a failed order. */
class PaymentOrderApiTest extends PaymentServiceTestBase {

    @Test
    void theOrderShowsAttemptsPspReferenceAndRefunds() {
        String orderId = id("po");
        api.postJson("/api/v1/payments", checkout(id("chk"), orderId, "12.34", "USD", "tok_visa"));
        eventually().until(() -> orderStatus(orderId).equals("SUCCEEDED"));

        JsonNode order = order(orderId).json();

        assertThat(order.path("payment_order_id").asString()).isEqualTo(orderId);
        assertThat(order.path("amount").asString()).isEqualTo("12.34");
        assertThat(order.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(order.path("attempts").asInt()).isEqualTo(1);
        assertThat(order.path("psp_reference").asString()).startsWith("pi_");
        assertThat(order.path("refunded_amount").asString()).isEqualTo("0.00");
        assertThat(order.path("refunds").isArray()).isTrue();
        assertThat(order.has("failure_message")).isTrue();
    }

    @Test
    void aFailedOrderIsRetriedWithANewAttemptAndOnlyAFailedOne() {
        String checkoutId = id("chk");
        String orderId = id("po");
        api.postJson("/api/v1/payments", checkout(checkoutId, orderId, "9.99", "USD", "tok_chargeDeclinedExpiredCard"));
        eventually().until(() -> orderStatus(orderId).equals("FAILED"));
        eventually().until(() -> api.get("/api/v1/payments/" + checkoutId).json().path("status").asString()
                .equals("COMPLETED"));
        assertThat(order(orderId).json().path("failure_code").asString()).isEqualTo("expired_card");

        HttpApi.Response retried = api.post("/api/v1/payment-orders/" + orderId + "/retry", new byte[0], null);

        assertThat(retried.status()).as(retried.body()).isEqualTo(202);
        assertThat(retried.json().path("attempts").asInt()).isEqualTo(2);
        // Back to NOT_STARTED: the executor screens and starts the new attempt as it does a new order.
        assertThat(retried.json().path("status").asString()).isEqualTo("NOT_STARTED");
        assertThat(api.get("/api/v1/payments/" + checkoutId).json().path("status").asString()).isEqualTo("PROCESSING");
        // The same card declines again, now under the key <id>:2.
        eventually().until(() -> paymentResults().forKey(orderId).size() == 2);
        assertThat(paymentResults().forKey(orderId)).allMatch(r -> r instanceof PaymentOrderFailed);
        assertThat(orderStatus(orderId)).isEqualTo("FAILED");
        assertThat(order(orderId).json().path("attempts").asInt()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_message WHERE message_key = ? AND event_type = ?")
                .params(orderId, PaymentOrderExecutionRequested.getClassSchema().getFullName())
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void onlyAFailedOrderCanBeRetried() {
        String orderId = id("po");
        api.postJson("/api/v1/payments", checkout(id("chk"), orderId, "1.00", "USD", "tok_visa"));
        eventually().until(() -> orderStatus(orderId).equals("SUCCEEDED"));

        HttpApi.Response conflict = api.post("/api/v1/payment-orders/" + orderId + "/retry", new byte[0], null);
        HttpApi.Response unknown = api.post("/api/v1/payment-orders/" + id("po") + "/retry", new byte[0], null);
        HttpApi.Response invalid = api.get("/api/v1/payment-orders/bad%20id");
        HttpApi.Response pan = api.get("/api/v1/payment-orders/4242424242424242");

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.contentType()).startsWith("application/problem+json");
        assertThat(conflict.json().path("errors").get(0).path("field").asString()).isEqualTo("status");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(pan.status()).isEqualTo(400);
        assertThat(pan.body()).doesNotContain("4242424242424242");
        assertThat(order(orderId).json().path("attempts").asInt()).isEqualTo(1);
    }
}
