package dev.kassa.web.security;

import java.util.Optional;

/**
 * A kind of secret key presented as {@code Authorization: Bearer <key>}. The web module has one for operators
 * ({@link OperatorKeys}); payment-service adds merchants' keys, psp-mock its API key. Any number may be beans:
 * each claims the keys of its own prefix, so a key is checked by exactly one of them.
 */
public interface BearerKeys {

    /** Whether {@code key} has this kind's form ({@code sk_}, {@code opk_}, ...); cheap, no lookup. */
    boolean claims(String key);

    /** The actor holding {@code key}, or empty when the key is unknown, revoked or expired. */
    Optional<KassaActor> authenticate(String key);
}
