package dev.kassa.payment.merchant;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * {@code kassa.merchants.*} (env {@code KASSA_MERCHANTS_KEY_PREFIX}).
 *
 * @param keyPrefix how new secret keys start: {@code sk_live_} by default, {@code sk_test_} in local runs
 *                  (application-local.yml), so that a test key is told from a live one at a glance. Every
 *                  {@code sk_} key is looked up, whatever prefix it was made with.
 * @param keyCacheTtl how long an instance trusts a key it has looked up without asking the database again
 *                    (0 looks up every request). A revocation is seen at once by the instance that revoked it,
 *                    and within this time by the others.
 */
@ConfigurationProperties("kassa.merchants")
public record MerchantProperties(@DefaultValue("sk_live_") String keyPrefix,
                                 @DefaultValue("5s") Duration keyCacheTtl) {

    public MerchantProperties {
        Assert.isTrue(keyPrefix.matches(MerchantKeys.CLAIMED_PREFIX + "[a-z]{1,16}_"),
                "kassa.merchants.key-prefix must be 'sk_<lower-case letters>_' (sk_live_, sk_test_), not " + keyPrefix);
        Assert.isTrue(!keyCacheTtl.isNegative(), "kassa.merchants.key-cache-ttl must not be negative");
    }
}
