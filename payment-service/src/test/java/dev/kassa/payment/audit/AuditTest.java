package dev.kassa.payment.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.payment.PaymentServiceTestBase;
import dev.kassa.payment.support.HttpApi;
import dev.kassa.payment.support.TestMerchant;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every change names who made it, with which credential, from where and in which request (docs/architecture.md
 * §11), in the transaction of the change: a resubmission that changes nothing, or a refused request, adds no row.
 */
class AuditTest extends PaymentServiceTestBase {

    @Test
    void aCheckoutIsRecordedWithTheMerchantItsKeyTheAddressAndTheRequestId() {
        String checkoutId = id("chk");
        String requestId = "req-" + checkoutId;
        byte[] body = checkout(checkoutId, id("po"), "4.00", "USD", "tok_visa").getBytes(StandardCharsets.UTF_8);

        HttpApi.Response created = api.post("/api/v1/payments", body, "application/json", "X-Request-Id", requestId);
        HttpApi.Response resubmitted = api.post("/api/v1/payments", body, "application/json");

        assertThat(created.status()).isEqualTo(202);
        assertThat(created.header("X-Request-Id")).contains(requestId);
        assertThat(resubmitted.status()).isEqualTo(200);
        JsonNode rows = operator.get("/admin/audit?target_id=" + checkoutId).json();
        assertThat(rows.size()).as(rows.toString()).isEqualTo(1);
        JsonNode row = rows.get(0);
        assertThat(row.path("action").asString()).isEqualTo("CHECKOUT_CREATED");
        assertThat(row.path("target_type").asString()).isEqualTo("checkout");
        assertThat(row.path("target_id").asString()).isEqualTo(checkoutId);
        assertThat(row.path("actor").asString()).isEqualTo("merchant:" + merchant().merchantId());
        assertThat(row.path("merchant_id").asString()).isEqualTo(merchant().merchantId());
        assertThat(row.path("credential").asString()).isEqualTo(merchant().key().substring(0, 12))
                .startsWith("sk_test_");
        assertThat(row.path("client_address").asString()).isEqualTo("127.0.0.1");
        assertThat(row.path("request_id").asString()).isEqualTo(requestId);
        assertThat(row.path("occurred_at").asString()).isNotBlank();
        assertThat(row.path("detail").asString()).isEqualTo("1 payment order(s)");
    }

    @Test
    void merchantsAndKeysAreRecordedWithTheOperatorNewestFirst() {
        String requestId = "req-keys-" + id("r");
        TestMerchant merchant = newMerchant();
        String keyPath = "/admin/merchants/" + merchant.merchantId() + "/keys/" + merchant.keyId();
        HttpApi.Response revoked = operator.request("DELETE", keyPath, null, null, "X-Request-Id", requestId);
        assertThat(revoked.status()).isEqualTo(200);
        operator.delete(keyPath); // already revoked: nothing changes, nothing is recorded

        JsonNode keyRows = operator.get("/admin/audit?target_id=" + merchant.keyId()).json();
        JsonNode merchantRows = operator.get("/admin/audit?target_id=" + merchant.merchantId()).json();

        assertThat(keyRows.valueStream().map(r -> r.path("action").asString()))
                .containsExactly("KEY_REVOKED", "KEY_CREATED");
        assertThat(keyRows.get(0).path("request_id").asString()).isEqualTo(requestId);
        assertThat(keyRows.get(0).path("detail").asString()).isEqualTo("prefix " + merchant.key().substring(0, 12));
        assertThat(merchantRows.valueStream().map(r -> r.path("action").asString())).containsExactly("MERCHANT_CREATED");
        for (JsonNode row : List.of(keyRows.get(0), keyRows.get(1), merchantRows.get(0))) {
            assertThat(row.path("actor").asString()).isEqualTo("operator:test-operator");
            assertThat(row.path("credential").asString()).isEqualTo("opk_test");
            assertThat(row.path("merchant_id").asString()).isEqualTo(merchant.merchantId());
            assertThat(row.path("client_address").asString()).isEqualTo("127.0.0.1");
            assertThat(row.path("request_id").asString()).startsWith("req");
        }
        assertThat(operator.get("/admin/audit?limit=2").json().size()).isEqualTo(2);
        assertThat(operator.get("/admin/audit?limit=0").status()).isEqualTo(400);
        assertThat(operator.get("/admin/audit?limit=501").status()).isEqualTo(400);
        assertThat(operator.get("/admin/audit?target_id=bad%20id").status()).isEqualTo(400);
    }
}
