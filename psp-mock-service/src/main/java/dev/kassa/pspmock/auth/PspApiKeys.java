package dev.kassa.pspmock.auth;

import dev.kassa.web.security.BearerKeys;
import dev.kassa.web.security.KassaActor;
import dev.kassa.web.security.SecretKeys;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The PSP's API secret keys ({@code psp.auth.secret-key}). Whoever holds one is a merchant of this PSP (Kassa
 * itself, in practice), so it authenticates as a {@link KassaActor#merchant merchant} of the one simulated
 * account. It claims every {@code sk_} key: psp-mock knows no merchant keys of Kassa's, so an {@code sk_} key
 * that is not one of its own is refused here rather than passed on.
 */
@Component
class PspApiKeys implements BearerKeys {

    static final String PREFIX = "sk_";
    static final String ACCOUNT = "psp-account";
    /** Stripe's key forms; the visible prefix shows the mode and the first characters after it. */
    private static final List<String> MODE_PREFIXES = List.of("sk_test_", "sk_live_");

    private final List<String> keyHashes;

    PspApiKeys(AuthProperties properties) {
        this.keyHashes = properties.secretKeys().stream().map(SecretKeys::sha256Hex).toList();
    }

    @Override
    public boolean claims(String key) {
        return key.startsWith(PREFIX);
    }

    @Override
    public Optional<KassaActor> authenticate(String key) {
        // Hashes have one length whatever the key's, and every configured key is compared, each in constant time:
        // the answer's timing says nothing about how much of a key matched.
        String hash = SecretKeys.sha256Hex(key);
        boolean known = false;
        for (String keyHash : keyHashes) {
            known |= SecretKeys.sameHash(hash, keyHash);
        }
        return known ? Optional.of(KassaActor.merchant(ACCOUNT, visiblePrefix(key))) : Optional.empty();
    }

    static String visiblePrefix(String key) {
        String prefix = MODE_PREFIXES.stream().filter(key::startsWith).findFirst().orElse(PREFIX);
        return SecretKeys.visiblePrefix(key, prefix);
    }
}
