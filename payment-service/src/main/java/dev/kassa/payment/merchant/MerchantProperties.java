package dev.kassa.payment.merchant;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * {@code kassa.merchants.*} (env {@code KASSA_MERCHANTS_KEY_PREFIX}).
 *
 * @param keyPrefix how new secret keys start: {@code sk_live_} by default, {@code sk_test_} in local runs
 *                  (application-local.yml), so that a test key is told from a live one at a glance. Every
 *                  {@code sk_} key is looked up, whatever prefix it was made with.
 */
@ConfigurationProperties("kassa.merchants")
public record MerchantProperties(@DefaultValue("sk_live_") String keyPrefix) {

    public MerchantProperties {
        Assert.isTrue(keyPrefix.matches(MerchantKeys.CLAIMED_PREFIX + "[a-z]{1,16}_"),
                "kassa.merchants.key-prefix must be 'sk_<lower-case letters>_' (sk_live_, sk_test_), not " + keyPrefix);
    }
}
