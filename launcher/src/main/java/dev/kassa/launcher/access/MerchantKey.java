package dev.kassa.launcher.access;

import dev.kassa.web.security.SecretKeys;

/** A merchant's secret key ({@code sk_test_...}) as payment-service made it, with its id (to list or revoke it). */
public record MerchantKey(String merchantId, String keyId, String key) {

    static final String TEST_PREFIX = "sk_test_";

    public MerchantKey {
        if (merchantId == null || merchantId.isBlank() || keyId == null || keyId.isBlank() || key == null || key.isBlank()) {
            throw new IllegalArgumentException("a merchant key needs its merchant id, key id and secret");
        }
    }

    /** The part of the key that may be shown: {@code sk_test_AbCd...}. */
    public String visibleKey() {
        return SecretKeys.visiblePrefix(key, TEST_PREFIX) + "...";
    }

    /** The key's visible prefix only: a record's text ends up in logs and failure messages. */
    @Override
    public String toString() {
        return "MerchantKey[merchantId=" + merchantId + ", keyId=" + keyId + ", key=" + visibleKey() + "]";
    }
}
