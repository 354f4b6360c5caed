package dev.kassa.pspmock.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What "the same request" means for an idempotency key: the endpoint and the validated parameters in a
 * canonical form (so {@code "eur"} and {@code "EUR"}, or reordered metadata, count as the same request).
 */
public record RequestFingerprint(String value) {

    /** Cloned per use: looking SHA-256 up among the security providers on every request costs more than hashing. */
    private static final MessageDigest SHA_256;

    static {
        try {
            SHA_256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    public static RequestFingerprint of(String endpoint, String canonicalParameters) {
        MessageDigest sha256 = newDigest();
        sha256.update(endpoint.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) '\n');
        sha256.update(canonicalParameters.getBytes(StandardCharsets.UTF_8));
        return new RequestFingerprint(HexFormat.of().formatHex(sha256.digest()));
    }

    private static MessageDigest newDigest() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("The JDK's SHA-256 can be cloned", e);
        }
    }
}
