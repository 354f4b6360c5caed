package dev.kassa.web.security;

import java.util.List;
import java.util.Optional;

/**
 * Operators' keys ({@code opk_...}), configured in every service as name, roles and the key's SHA-256
 * ({@code kassa.security.operators}): the configuration holds no secret, and the same list works in every
 * service without a shared database. Production may use an OIDC issuer instead (JWTs, {@link KassaJwtRoles}).
 */
public final class OperatorKeys implements BearerKeys {

    public static final String PREFIX = "opk_";

    private final List<KassaSecurityProperties.Operator> operators;

    public OperatorKeys(List<KassaSecurityProperties.Operator> operators) {
        this.operators = List.copyOf(operators);
    }

    @Override
    public boolean claims(String key) {
        return key.startsWith(PREFIX);
    }

    @Override
    public Optional<KassaActor> authenticate(String key) {
        String hash = SecretKeys.sha256Hex(key);
        // Every configured key is compared, in constant time each, so the answer's timing says nothing.
        KassaSecurityProperties.Operator match = null;
        for (KassaSecurityProperties.Operator operator : operators) {
            if (SecretKeys.sameHash(hash, operator.keySha256()) && match == null) {
                match = operator;
            }
        }
        return Optional.ofNullable(match).map(operator -> KassaActor.operator(operator.name(), operator.roles(),
                SecretKeys.visiblePrefix(key, PREFIX)));
    }
}
