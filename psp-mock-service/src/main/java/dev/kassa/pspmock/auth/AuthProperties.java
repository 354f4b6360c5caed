package dev.kassa.pspmock.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * @param secretKey the one API secret key callers must present as {@code Authorization: Bearer <key>}
 *                  (local default {@code sk_test_kassa}; override with PSP_SECRET_KEY)
 */
@ConfigurationProperties("psp.auth")
public record AuthProperties(String secretKey) {

    public AuthProperties {
        Assert.hasText(secretKey, "psp.auth.secret-key must be set");
    }
}
