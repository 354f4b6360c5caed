package dev.kassa.pspmock.auth;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.util.Assert;

/**
 * @param secretKeys the API secret keys callers present as {@code Authorization: Bearer <key>}
 *                   ({@code psp.auth.secret-key}, PSP_SECRET_KEY); during a rotation two, comma separated. Each
 *                   starts with {@code sk_}, as Stripe's do: that prefix is how a bearer key is told to be this
 *                   PSP's rather than an operator's ({@code opk_}). The local profile's is {@code sk_test_kassa}.
 */
@ConfigurationProperties("psp.auth")
public record AuthProperties(@Name("secret-key") List<String> secretKeys) {

    public AuthProperties {
        secretKeys = secretKeys == null ? List.of()
                : secretKeys.stream().map(String::strip).filter(key -> !key.isEmpty()).toList();
        Assert.notEmpty(secretKeys, "psp.auth.secret-key must be set (environment variable PSP_SECRET_KEY)");
        for (String key : secretKeys) {
            // Also catches an unresolved ${PSP_SECRET_KEY}, which would otherwise become a key anyone can read.
            Assert.isTrue(key.startsWith(PspApiKeys.PREFIX) && key.length() > PspApiKeys.PREFIX.length(),
                    "psp.auth.secret-key entries must start with '" + PspApiKeys.PREFIX
                            + "' (set PSP_SECRET_KEY to sk_test_… or sk_live_…)");
        }
    }
}
