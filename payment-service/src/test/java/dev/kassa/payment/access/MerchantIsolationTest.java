package dev.kassa.payment.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.payment.PaymentServiceTestBase;
import dev.kassa.payment.support.HttpApi;
import dev.kassa.payment.support.TestMerchant;
import dev.kassa.testfixtures.TestKeys;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A merchant sees and changes only its own checkouts, orders and refunds: another merchant's answer exactly as
 * unknown ones (same 404, same body but for the id), so that ids cannot be probed; and it reaches no operator
 * endpoint.
 */
class MerchantIsolationTest extends PaymentServiceTestBase {

    @Test
    void anotherMerchantsCheckoutAndOrderAreAsUnknownToAMerchant() {
        TestMerchant owner = newMerchant();
        TestMerchant other = newMerchant();
        String checkoutId = id("chk");
        String orderId = id("po");
        String body = checkout(checkoutId, orderId, "10.00", "USD", "tok_chargeDeclined", id("seller"));
        assertThat(owner.api().postJson("/api/v1/payments", body).status()).isEqualTo(202);
        eventually().until(() -> orderStatus(orderId).equals("FAILED"));
        String unknownCheckout = id("chk");
        String unknownOrder = id("po");

        assertAsUnknown(other.api().get("/api/v1/payments/" + checkoutId), checkoutId,
                other.api().get("/api/v1/payments/" + unknownCheckout), unknownCheckout);
        assertAsUnknown(other.api().get("/api/v1/payment-orders/" + orderId), orderId,
                other.api().get("/api/v1/payment-orders/" + unknownOrder), unknownOrder);
        // Retrying or refunding it: 404 as well, where its owner would get 202 and 409.
        assertAsUnknown(retry(other.api(), orderId), orderId, retry(other.api(), unknownOrder), unknownOrder);
        String refundId = id("re");
        assertAsUnknown(refund(other.api(), orderId, refundId), orderId, refund(other.api(), unknownOrder, refundId),
                unknownOrder);
        // Its checkout id with the very same body is another merchant's request: a conflict, as any reuse.
        HttpApi.Response reuse = other.api().postJson("/api/v1/payments", body);
        assertThat(reuse.status()).as(reuse.body()).isEqualTo(409);
        assertThat(reuse.json().path("errors").get(0).path("field").asString()).isEqualTo("checkout_id");

        // Nothing changed, and the owner and operators still see it.
        JsonNode order = owner.api().get("/api/v1/payment-orders/" + orderId).json();
        assertThat(order.path("attempts").asInt()).isEqualTo(1);
        assertThat(order.path("refunds").size()).isZero();
        assertThat(owner.api().get("/api/v1/payments/" + checkoutId).status()).isEqualTo(200);
        assertThat(anonymous.as(TestKeys.VIEWER).get("/api/v1/payments/" + checkoutId).status()).isEqualTo(200);
        assertThat(anonymous.as(TestKeys.FINANCE).get("/api/v1/payment-orders/" + orderId).status()).isEqualTo(200);
        assertThat(refund(owner.api(), orderId, refundId).status()).as("not SUCCEEDED").isEqualTo(409);
        assertThat(retry(owner.api(), orderId).status()).isEqualTo(202);
    }

    @Test
    void aMerchantKeyReachesNoOperatorEndpoint() {
        TestMerchant merchant = newMerchant();
        HttpApi api = merchant.api();

        assertForbidden(api.get("/admin/merchants"));
        assertForbidden(api.get("/admin/merchants/" + merchant.merchantId()));
        assertForbidden(api.get("/admin/merchants/" + merchant.merchantId() + "/keys"));
        assertForbidden(api.postJson("/admin/merchants/" + merchant.merchantId() + "/keys", "{}"));
        assertForbidden(api.delete("/admin/merchants/" + merchant.merchantId() + "/keys/" + merchant.keyId()));
        assertForbidden(api.postJson("/admin/merchants", "{\"merchant_id\": \"" + id("m") + "\", \"name\": \"x\"}"));
        assertForbidden(api.get("/admin/audit"));
        assertForbidden(api.get("/admin/webhooks/unmatched"));
        assertForbidden(api.get("/admin/dead-letters/topics"));
        assertForbidden(api.get("/actuator/prometheus"));
        assertThat(operator.get("/admin/merchants/" + merchant.merchantId() + "/keys").json().size()).isEqualTo(1);
    }

    @Test
    void aMerchantKeyTellsWhoseItIsAndOnlyAMerchantKeyAsks() {
        TestMerchant merchant = newMerchant();

        HttpApi.Response me = merchant.api().get("/api/v1/merchants/me");

        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().path("merchant_id").asString()).isEqualTo(merchant.merchantId());
        assertThat(me.json().path("key_prefix").asString()).isNotBlank().satisfies(
                prefix -> assertThat(merchant.key()).startsWith(prefix));
        assertThat(me.body()).doesNotContain(merchant.key());
        assertForbidden(operator.get("/api/v1/merchants/me"));
        assertThat(anonymous.as("sk_test_revokedOrNeverIssued0000000000").get("/api/v1/merchants/me").status())
                .isEqualTo(401);
    }

    private static HttpApi.Response retry(HttpApi api, String orderId) {
        return api.post("/api/v1/payment-orders/" + orderId + "/retry", new byte[0], null);
    }

    private static HttpApi.Response refund(HttpApi api, String orderId, String refundId) {
        return api.postJson("/api/v1/payment-orders/" + orderId + "/refunds",
                "{\"refund_id\": \"" + refundId + "\", \"amount\": \"1.00\"}");
    }

    /** Both 404 problems, identical once each names its own id in the same place. */
    private static void assertAsUnknown(HttpApi.Response foreign, String foreignId, HttpApi.Response unknown,
                                        String unknownId) {
        assertThat(foreign.status()).as(foreign.body()).isEqualTo(404);
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
        assertThat(foreign.contentType()).isEqualTo(unknown.contentType());
        assertThat(foreign.body().replace(foreignId, "<id>")).isEqualTo(unknown.body().replace(unknownId, "<id>"));
    }

    private static void assertForbidden(HttpApi.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.json().path("type").asString()).endsWith("/forbidden");
    }
}
