package dev.kassa.launcher.access;

import dev.kassa.web.security.OperatorKeys;
import dev.kassa.web.security.SecretKeys;
import java.util.List;

/**
 * An operator's key ({@code opk_...}) with the name and roles every service is configured with. The services get
 * only its SHA-256 ({@code kassa.security.operators[0].key-sha256}); the key itself stays with the launcher.
 */
public record OperatorKey(String name, List<String> roles, String key) {

    /** The launcher's operator: the one person running this machine's system, allowed everything. */
    public static final String LOCAL_ADMIN = "local-admin";
    public static final List<String> ALL_ROLES = List.of("OPERATOR", "FINANCE", "VIEWER");

    public OperatorKey {
        roles = List.copyOf(roles);
        if (name == null || name.isBlank() || roles.isEmpty()) {
            throw new IllegalArgumentException("an operator needs a name and at least one role");
        }
        if (key == null || !key.startsWith(OperatorKeys.PREFIX)) {
            throw new IllegalArgumentException("an operator key starts with " + OperatorKeys.PREFIX);
        }
    }

    /** A new key for {@link #LOCAL_ADMIN} with every operator role. */
    public static OperatorKey newLocalAdmin() {
        return generate(LOCAL_ADMIN, ALL_ROLES);
    }

    /** A new key for operator {@code name} with {@code roles} (a test's VIEWER-only operator, say). */
    public static OperatorKey generate(String name, List<String> roles) {
        return new OperatorKey(name, roles, SecretKeys.generate(OperatorKeys.PREFIX));
    }

    /** What the services are configured with: lower-case hex SHA-256 of the key. */
    public String sha256() {
        return SecretKeys.sha256Hex(key);
    }

    /** {@code OPERATOR,FINANCE,VIEWER}: how a list property takes it from one environment variable. */
    public String rolesList() {
        return String.join(",", roles);
    }

    /** The part of the key that may be shown: {@code opk_AbCd...}. */
    public String visibleKey() {
        return SecretKeys.visiblePrefix(key, OperatorKeys.PREFIX) + "...";
    }

    /** The key's visible prefix only: a record's text ends up in logs and failure messages. */
    @Override
    public String toString() {
        return "OperatorKey[name=" + name + ", roles=" + roles + ", key=" + visibleKey() + "]";
    }
}
