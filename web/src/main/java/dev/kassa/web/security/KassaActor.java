package dev.kassa.web.security;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling, as the audit trail records it.
 *
 * @param id           stable, printable identity: {@code merchant:<merchant id>} or {@code operator:<name>}
 * @param roles        what the caller may do
 * @param merchantId   the merchant a merchant key belongs to; null for operators
 * @param credentialId which credential authenticated the call (a key id or prefix, a JWT's {@code jti} or
 *                     subject), so that one key's calls can be told from its successor's during a rotation
 */
public record KassaActor(String id, Set<KassaRole> roles, String merchantId, String credentialId) {

    public KassaActor {
        Objects.requireNonNull(id, "id");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(credentialId, "credentialId");
    }

    public static KassaActor merchant(String merchantId, String keyId) {
        return new KassaActor("merchant:" + merchantId, Set.of(KassaRole.MERCHANT), merchantId, keyId);
    }

    public static KassaActor operator(String name, Set<KassaRole> roles, String credentialId) {
        return new KassaActor("operator:" + name, roles, null, credentialId);
    }

    public boolean isMerchant() {
        return merchantId != null;
    }

    public boolean has(KassaRole role) {
        return roles.contains(role);
    }

    /** The actor of the current request, if one authenticated. */
    public static Optional<KassaActor> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof KassaAuthentication kassa ? Optional.of(kassa.actor()) : Optional.empty();
    }

    /**
     * The merchant the current request acts for, when a merchant key authenticated it: what a read must be scoped to.
     * Empty for operators (and without an authenticated caller), who see every merchant's objects.
     */
    public static Optional<String> currentMerchantId() {
        return current().filter(KassaActor::isMerchant).map(KassaActor::merchantId);
    }

    /** The actor of the current request; only for code behind an endpoint that requires authentication. */
    public static KassaActor required() {
        return current().orElseThrow(() -> new IllegalStateException(
                "no authenticated Kassa actor: this code must run behind an authenticated endpoint"));
    }
}
