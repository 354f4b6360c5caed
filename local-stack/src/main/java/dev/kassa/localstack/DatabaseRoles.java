package dev.kassa.localstack;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * The two login roles of one service database (docs/architecture.md, "Database principals"): the owner, which owns
 * the database and every object in it and is used by Liquibase only, and the runtime role the service's connection
 * pool logs in as, which owns nothing and has only the grants of the service's changelog.
 *
 * <p>Names are {@code <prefix>_owner} and {@code <prefix>_app}; roles are cluster-wide, so every database made for
 * one prefix shares them.
 */
public record DatabaseRoles(Login owner, Login runtime) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public DatabaseRoles {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(runtime, "runtime");
    }

    /** A user name and its password; {@link #toString()} leaves the password out. */
    public record Login(String username, String password) {

        public Login {
            PostgresDatabases.requireValidName(username);
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Login[" + username + "]";
        }
    }

    /** {@code <prefix>_owner} and {@code <prefix>_app}, each with a new random password. */
    public static DatabaseRoles withRandomPasswords(String prefix) {
        return new DatabaseRoles(new Login(prefix + "_owner", randomPassword()),
                new Login(prefix + "_app", randomPassword()));
    }

    /** 32 random bytes, URL-safe Base64: nothing in it needs quoting in SQL or in an environment variable. */
    static String randomPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
