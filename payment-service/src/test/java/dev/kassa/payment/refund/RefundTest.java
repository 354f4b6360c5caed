package dev.kassa.payment.refund;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.payment.PaymentServiceTestBase;
import dev.kassa.payment.support.HttpApi;
import dev.kassa.schemas.event.RefundFailed;
import dev.kassa.schemas.event.RefundSucceeded;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Refunds: full and partial, synchronous and by webhook, idempotent on refund_id, never above the charge. */
class RefundTest extends PaymentServiceTestBase {

    @Test
    void aFullRefundMakesTheOrderRefunded() {
        String orderId = succeededOrder("20.00", "tok_visa");
        String refundId = id("re");

        HttpApi.Response response = refund(orderId, refundId, "20.00");

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(response.json().path("refund_id").asString()).isEqualTo(refundId);
        assertThat(response.json().path("amount").asString()).isEqualTo("20.00");
        eventually().until(() -> order(orderId).json().path("status").asString().equals("REFUNDED"));
        JsonNode order = order(orderId).json();
        assertThat(order.path("refunded_amount").asString()).isEqualTo("20.00");
        assertThat(order.path("refunds").get(0).path("status").asString()).isEqualTo("SUCCEEDED");
        eventually().until(() -> refundResults(orderId).size() == 1);
        RefundSucceeded succeeded = (RefundSucceeded) refundResults(orderId).getFirst();
        assertThat(succeeded.getRefundId()).isEqualTo(refundId);
        assertThat(succeeded.getAmountMinor()).isEqualTo(2000);
        assertThat(succeeded.getPspRefundReference()).startsWith("re_");

        HttpApi.Response more = refund(orderId, id("re"), "0.01");
        assertThat(more.status()).isEqualTo(422);
        assertThat(more.json().path("errors").get(0).path("field").asString()).isEqualTo("amount");
    }

    @Test
    void aPartialRefundSettledByWebhookLeavesTheRestRefundable() {
        // tok_async payments refund asynchronously at the PSP: pending first, the result by webhook.
        String orderId = succeededOrder("30.00", "tok_async");
        String refundId = id("re");

        assertThat(refund(orderId, refundId, "10.00").status()).isEqualTo(202);
        eventually().until(() -> order(orderId).json().path("status").asString().equals("PARTIALLY_REFUNDED"));
        assertThat(order(orderId).json().path("refunded_amount").asString()).isEqualTo("10.00");

        // The same refund again: the same answer, nothing new at the PSP or on Kafka.
        HttpApi.Response again = refund(orderId, refundId, "10.00");
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().path("status").asString()).isEqualTo("SUCCEEDED");
        // The refund id with another amount is a conflict.
        assertThat(refund(orderId, refundId, "11.00").status()).isEqualTo(409);
        // More than the rest (20.00) is refused; the rest itself is not.
        assertThat(refund(orderId, id("re"), "20.01").status()).isEqualTo(422);
        assertThat(refund(orderId, id("re"), "20.00").status()).isEqualTo(202);

        eventually().until(() -> order(orderId).json().path("status").asString().equals("REFUNDED"));
        eventually().until(() -> refundResults(orderId).size() == 2);
        assertThat(refundResults(orderId)).allMatch(r -> r instanceof RefundSucceeded);
    }

    @Test
    void aRefundThePspFailsReleasesTheAmount() {
        String orderId = succeededOrder("15.00", "tok_refundFail");
        String refundId = id("re");

        assertThat(refund(orderId, refundId, "15.00").status()).isEqualTo(202);

        eventually().until(() -> refundResults(orderId).size() == 1);
        assertThat(refundResults(orderId).getFirst()).isInstanceOf(RefundFailed.class);
        JsonNode order = order(orderId).json();
        assertThat(order.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(order.path("refunded_amount").asString()).isEqualTo("0.00");
        assertThat(order.path("refunds").get(0).path("status").asString()).isEqualTo("FAILED");
        assertThat(jdbc.sql("SELECT refund_pending_minor FROM payment_order WHERE payment_order_id = ?")
                .param(orderId).query(Long.class).single()).isZero();
    }

    @Test
    void refundsOfOrdersThatDidNotSucceedOrWithBadInputAreRefused() {
        String declined = id("po");
        api.postJson("/api/v1/payments", checkout(id("chk"), declined, "5.00", "USD", "tok_chargeDeclined"));
        eventually().until(() -> orderStatus(declined).equals("FAILED"));
        String succeeded = succeededOrder("5.00", "tok_visa");

        HttpApi.Response notSucceeded = refund(declined, id("re"), "1.00");
        assertThat(notSucceeded.status()).isEqualTo(409);
        assertThat(notSucceeded.contentType()).startsWith("application/problem+json");
        assertThat(refund(id("po"), id("re"), "1.00").status()).isEqualTo(404);
        assertThat(fieldOf(refund(succeeded, id("re"), "1.001"))).isEqualTo("amount");
        assertThat(fieldOf(refund(succeeded, id("re"), "0"))).isEqualTo("amount");
        assertThat(fieldOf(refund(succeeded, "re bad", "1.00"))).isEqualTo("refund_id");
        HttpApi.Response unknownField = api.postJson("/api/v1/payment-orders/" + succeeded + "/refunds",
                "{\"refund_id\": \"" + id("re") + "\", \"amount\": \"1.00\", \"reason\": \"x\"}");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(order(succeeded).json().path("refunds").size()).isZero();
        assertThat(order(declined).json().path("refunds").size()).isZero();
    }

    private String succeededOrder(String amount, String token) {
        String orderId = id("po");
        api.postJson("/api/v1/payments", checkout(id("chk"), orderId, amount, "USD", token));
        eventually().until(() -> orderStatus(orderId).equals("SUCCEEDED"));
        return orderId;
    }

    private HttpApi.Response refund(String orderId, String refundId, String amount) {
        return api.postJson("/api/v1/payment-orders/" + orderId + "/refunds",
                "{\"refund_id\": \"" + refundId + "\", \"amount\": \"" + amount + "\"}");
    }

    private List<SpecificRecord> refundResults(String orderId) {
        return paymentResults().forKey(orderId).stream()
                .filter(r -> r instanceof RefundSucceeded || r instanceof RefundFailed).toList();
    }

    private static String fieldOf(HttpApi.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return response.json().path("errors").get(0).path("field").asString();
    }
}
