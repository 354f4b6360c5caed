package dev.kassa.payment.support;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;

/**
 * A merchant made through the admin API, as an operator makes one, with one secret key: what the tests call the
 * checkout API with.
 *
 * @param api the service, called with this merchant's key
 */
public record TestMerchant(String merchantId, String keyId, String key, HttpApi api) {

    /** Creates the merchant {@code merchantId} and a key for it, calling the admin API as {@code operator}. */
    public static TestMerchant create(HttpApi operator, String merchantId) {
        HttpApi.Response merchant = operator.postJson("/admin/merchants",
                "{\"merchant_id\": \"" + merchantId + "\", \"name\": \"Test shop " + merchantId + "\"}");
        assertThat(merchant.status()).as(merchant.body()).isEqualTo(201);
        JsonNode key = createKey(operator, merchantId);
        return new TestMerchant(merchantId, key.path("key_id").asString(), key.path("secret").asString(),
                operator.as(key.path("secret").asString()));
    }

    /** A further key of the merchant; 201 expected. */
    public static JsonNode createKey(HttpApi operator, String merchantId) {
        HttpApi.Response key = operator.postJson("/admin/merchants/" + merchantId + "/keys", "{}");
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        return key.json();
    }
}
