package dev.kassa.payment.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.payment.PaymentServiceTestBase;
import dev.kassa.payment.support.HttpApi;
import dev.kassa.testfixtures.TestKeys;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The operator roles of docs/architecture.md §11: VIEWER and FINANCE read everything and change nothing here;
 * OPERATOR retries and refunds any merchant's order on its behalf, and the audit trail says it was the operator.
 */
class OperatorRolesTest extends PaymentServiceTestBase {

    @Test
    void viewerAndFinanceReadButCannotRetryRefundOrManageKeys() {
        String checkoutId = id("chk");
        String orderId = id("po");
        api.postJson("/api/v1/payments", checkout(checkoutId, orderId, "3.00", "USD", "tok_chargeDeclined"));
        eventually().until(() -> orderStatus(orderId).equals("FAILED"));
        String merchantPath = "/admin/merchants/" + merchant().merchantId();

        for (String key : new String[] {TestKeys.VIEWER, TestKeys.FINANCE}) {
            HttpApi reader = anonymous.as(key);
            assertThat(reader.get("/api/v1/payments/" + checkoutId).status()).isEqualTo(200);
            assertThat(reader.get("/api/v1/payment-orders/" + orderId).status()).isEqualTo(200);
            assertThat(reader.get(merchantPath).status()).isEqualTo(200);
            assertThat(reader.get(merchantPath + "/keys").status()).isEqualTo(200);
            assertThat(reader.get("/admin/audit?target_id=" + checkoutId).status()).isEqualTo(200);
            assertThat(reader.get("/admin/webhooks/unmatched").status()).isEqualTo(200);

            assertForbidden(reader.post("/api/v1/payment-orders/" + orderId + "/retry", new byte[0], null));
            assertForbidden(reader.postJson("/api/v1/payment-orders/" + orderId + "/refunds",
                    "{\"refund_id\": \"" + id("re") + "\", \"amount\": \"1.00\"}"));
            assertForbidden(reader.postJson(merchantPath + "/keys", "{}"));
            assertForbidden(reader.delete(merchantPath + "/keys/" + merchant().keyId()));
            assertForbidden(reader.postJson("/admin/merchants", "{\"merchant_id\": \"" + id("m") + "\", \"name\": \"x\"}"));
            assertForbidden(reader.postJson("/api/v1/payments", checkout(id("chk"), id("po"), "1.00", "USD", "tok_visa")));
        }
        assertThat(order(orderId).json().path("attempts").asInt()).isEqualTo(1);
        assertThat(operator.get(merchantPath + "/keys").json().get(0).path("revoked_at").isNull()).isTrue();
    }

    @Test
    void anOperatorRefundsAndRetriesOnTheMerchantsBehalfAndTheAuditNamesTheOperator() {
        String paid = id("po");
        api.postJson("/api/v1/payments", checkout(id("chk"), paid, "8.00", "USD", "tok_visa"));
        String declined = id("po");
        api.postJson("/api/v1/payments", checkout(id("chk"), declined, "2.00", "USD", "tok_chargeDeclined"));
        eventually().until(() -> orderStatus(paid).equals("SUCCEEDED") && orderStatus(declined).equals("FAILED"));
        String refundId = id("re");

        HttpApi.Response refund = operator.postJson("/api/v1/payment-orders/" + paid + "/refunds",
                "{\"refund_id\": \"" + refundId + "\", \"amount\": \"8.00\"}");
        HttpApi.Response retry = operator.post("/api/v1/payment-orders/" + declined + "/retry", new byte[0], null);

        assertThat(refund.status()).as(refund.body()).isEqualTo(202);
        assertThat(retry.status()).as(retry.body()).isEqualTo(202);
        eventually().until(() -> order(paid).json().path("status").asString().equals("REFUNDED"));
        assertOperatorActedFor(refundId, "REFUND_REQUESTED", "refund");
        assertOperatorActedFor(declined, "RETRY_REQUESTED", "payment_order");
        // The merchant sees what the operator did for it.
        assertThat(order(paid).json().path("refunds").get(0).path("refund_id").asString()).isEqualTo(refundId);
        // Checkouts, though, are only ever a merchant's own.
        assertForbidden(operator.postJson("/api/v1/payments", checkout(id("chk"), id("po"), "1.00", "USD", "tok_visa")));
    }

    private void assertOperatorActedFor(String targetId, String action, String targetType) {
        JsonNode rows = operator.get("/admin/audit?target_id=" + targetId).json();
        assertThat(rows.size()).as(rows.toString()).isEqualTo(1);
        JsonNode row = rows.get(0);
        assertThat(row.path("action").asString()).isEqualTo(action);
        assertThat(row.path("target_type").asString()).isEqualTo(targetType);
        assertThat(row.path("actor").asString()).isEqualTo("operator:test-operator");
        assertThat(row.path("credential").asString()).isEqualTo("opk_test");
        assertThat(row.path("merchant_id").asString()).isEqualTo(merchant().merchantId());
    }

    private static void assertForbidden(HttpApi.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.json().path("type").asString()).endsWith("/forbidden");
    }
}
