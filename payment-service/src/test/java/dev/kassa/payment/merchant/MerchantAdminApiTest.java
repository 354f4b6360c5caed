package dev.kassa.payment.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.payment.PaymentServiceTestBase;
import dev.kassa.payment.support.HttpApi;
import dev.kassa.payment.support.TestMerchant;
import dev.kassa.web.security.SecretKeys;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code /admin/merchants}: merchants created once per id, keys shown once, at most two active, revoked at once. */
class MerchantAdminApiTest extends PaymentServiceTestBase {

    @Test
    void aMerchantIsCreatedOnceAndItsIdIsNotTakenWithAnotherName() {
        String merchantId = id("m");
        String body = "{\"merchant_id\": \"" + merchantId + "\", \"name\": \"Demo shop\"}";

        HttpApi.Response created = operator.postJson("/admin/merchants", body);
        HttpApi.Response again = operator.postJson("/admin/merchants", body);
        HttpApi.Response renamed = operator.postJson("/admin/merchants", body.replace("Demo shop", "Other shop"));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).contains("/admin/merchants/" + merchantId);
        assertThat(created.json().path("merchant_id").asString()).isEqualTo(merchantId);
        assertThat(created.json().path("name").asString()).isEqualTo("Demo shop");
        assertThat(created.json().path("created_by").asString()).isEqualTo("operator:test-operator");
        assertThat(again.status()).as("the launcher's bootstrap repeats it").isEqualTo(200);
        assertThat(again.json()).isEqualTo(created.json());
        assertThat(renamed.status()).isEqualTo(409);
        assertThat(renamed.json().path("errors").get(0).path("field").asString()).isEqualTo("merchant_id");
        assertThat(operator.get("/admin/merchants/" + merchantId).json()).isEqualTo(created.json());
        assertThat(operator.get("/admin/merchants?limit=500").json().valueStream()
                .map(m -> m.path("merchant_id").asString())).contains(merchantId);
        assertThat(operator.get("/admin/merchants/" + id("m")).status()).isEqualTo(404);
        assertThat(operator.get("/admin/merchants/" + id("m") + "/keys").status()).isEqualTo(404);
        assertThat(operator.postJson("/admin/merchants", "{\"merchant_id\": \"m 1\", \"name\": \"x\"}").status())
                .isEqualTo(400);
        assertThat(operator.postJson("/admin/merchants", "{\"merchant_id\": \"" + id("m") + "\", \"name\": \" \"}")
                .status()).isEqualTo(400);
        assertThat(operator.get("/admin/merchants?limit=0").status()).isEqualTo(400);
    }

    @Test
    void aRotationHasTwoKeysAtOnceAndARevokedKeyStopsWorkingAtOnce() {
        TestMerchant merchant = newMerchant();
        String keys = "/admin/merchants/" + merchant.merchantId() + "/keys";
        HttpApi first = merchant.api();
        JsonNode secondKey = TestMerchant.createKey(operator, merchant.merchantId());
        HttpApi second = anonymous.as(secondKey.path("secret").asString());
        String checkoutId = id("chk");

        // Both keys work at once, as the same merchant.
        assertThat(first.postJson("/api/v1/payments", checkout(checkoutId, id("po"), "1.00", "USD", "tok_visa", id("seller")))
                .status()).isEqualTo(202);
        assertThat(second.get("/api/v1/payments/" + checkoutId).status()).isEqualTo(200);
        // A third is refused, naming the rule.
        HttpApi.Response third = operator.postJson(keys, "{}");
        assertThat(third.status()).as(third.body()).isEqualTo(409);
        assertThat(third.json().path("errors").get(0).path("field").asString()).isEqualTo("merchant_id");
        assertThat(third.json().path("detail").asString()).contains("2 active keys");

        HttpApi.Response revoked = operator.delete(keys + "/" + merchant.keyId());

        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().path("revoked_at").asString()).isNotBlank();
        assertThat(revoked.json().path("revoked_by").asString()).isEqualTo("operator:test-operator");
        HttpApi.Response refused = first.get("/api/v1/payments/" + checkoutId);
        assertThat(refused.status()).as("the revoked key, on its very next request").isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).contains("invalid_token"));
        assertThat(second.get("/api/v1/payments/" + checkoutId).status()).isEqualTo(200);
        // Revoking again answers the key as it is; an unknown key is 404.
        HttpApi.Response again = operator.delete(keys + "/" + merchant.keyId());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(revoked.json());
        assertThat(operator.delete(keys + "/" + id("key")).status()).isEqualTo(404);
        assertThat(operator.delete("/admin/merchants/" + merchant().merchantId() + "/keys/" + merchant.keyId())
                .status()).as("a key of another merchant").isEqualTo(404);
        // One active key again: the next rotation may begin.
        assertThat(operator.postJson(keys, "{}").status()).isEqualTo(201);

        HttpApi.Response list = operator.get(keys);
        assertThat(list.json().size()).isEqualTo(3);
        JsonNode firstKey = list.json().get(0);
        assertThat(firstKey.path("key_id").asString()).isEqualTo(merchant.keyId());
        assertThat(firstKey.path("prefix").asString()).isEqualTo(merchant.key().substring(0, "sk_test_".length() + 4));
        assertThat(firstKey.path("last_used_at").asString()).as("set by its use").isNotBlank();
        assertThat(firstKey.path("revoked_at").asString()).isNotBlank();
        assertThat(firstKey.path("created_by").asString()).isEqualTo("operator:test-operator");
        // Never the secret nor its hash.
        assertThat(list.body()).doesNotContain(merchant.key()).doesNotContain(secondKey.path("secret").asString())
                .doesNotContain(SecretKeys.sha256Hex(merchant.key())).doesNotContain("secret").doesNotContain("sha256");
    }

    @Test
    void aNewKeyIsShownOnceWithItsPrefix() {
        TestMerchant merchant = newMerchant();

        JsonNode second = TestMerchant.createKey(operator, merchant.merchantId());

        String secret = second.path("secret").asString();
        assertThat(secret).matches("sk_test_[0-9A-Za-z]{32}");
        assertThat(second.path("prefix").asString()).isEqualTo(secret.substring(0, 12));
        assertThat(second.path("key_id").asString()).startsWith("key_");
        assertThat(second.path("created_at").asString()).isNotBlank();
        assertThat(jdbc.sql("SELECT key_sha256 FROM merchant_api_key WHERE key_id = ?")
                .param(second.path("key_id").asString()).query(String.class).single())
                .isEqualTo(SecretKeys.sha256Hex(secret));
        // Its last character changed (to one it is not: a key ending in "x" stayed itself, 1 run in 62).
        String notAKey = secret.substring(0, secret.length() - 1) + (secret.endsWith("x") ? "y" : "x");
        assertThat(anonymous.as(notAKey).get("/admin/audit").status()).as("a key that is not one").isEqualTo(401);
    }

    /** JSON only: a state-changing call with another content type is refused before anything happens. */
    @Test
    void stateChangingCallsTakeJsonOnly() {
        TestMerchant merchant = newMerchant();
        String keys = "/admin/merchants/" + merchant.merchantId() + "/keys";
        String merchantId = id("m");
        byte[] body = ("{\"merchant_id\": \"" + merchantId + "\", \"name\": \"x\"}").getBytes(StandardCharsets.UTF_8);

        HttpApi.Response merchantAsText = operator.post("/admin/merchants", body, "text/plain");
        HttpApi.Response keyAsText = operator.post(keys, "{}".getBytes(StandardCharsets.UTF_8), "text/plain");
        HttpApi.Response checkoutAsText = api.post("/api/v1/payments",
                checkout(id("chk"), id("po"), "1.00", "USD", "tok_visa").getBytes(StandardCharsets.UTF_8), "text/plain");
        HttpApi.Response refundAsForm = api.post("/api/v1/payment-orders/" + id("po") + "/refunds",
                "refund_id=re_1&amount=1.00".getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded");

        for (HttpApi.Response refused : new HttpApi.Response[] {merchantAsText, keyAsText, checkoutAsText, refundAsForm}) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(415);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(operator.get("/admin/merchants/" + merchantId).status()).isEqualTo(404);
        assertThat(operator.get(keys).json().size()).isEqualTo(1);
        // A key needs no body at all; a body, if any, is an empty JSON object.
        assertThat(operator.post(keys, new byte[0], null).status()).isEqualTo(201);
        assertThat(operator.postJson(keys, "{\"name\": \"frontend\"}").status()).isEqualTo(400);
    }
}
