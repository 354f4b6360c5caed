package dev.kassa.web.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * How Kassa makes and stores secret keys. A key is a prefix and 32 random base62 characters (190 bits), shown
 * once; only its SHA-256 is kept. A plain, fast hash is right here, unlike for passwords: the key is random and
 * long, so there is nothing to guess from the hash, and every request must check one quickly.
 */
public final class SecretKeys {

    private static final char[] BASE62 =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final int RANDOM_CHARACTERS = 32;
    /** How much of a key may be shown for support: the prefix and the first four random characters. */
    private static final int VISIBLE_RANDOM_CHARACTERS = 4;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretKeys() {
    }

    /** A new key: {@code prefix} followed by 32 random base62 characters. */
    public static String generate(String prefix) {
        StringBuilder key = new StringBuilder(prefix.length() + RANDOM_CHARACTERS).append(prefix);
        for (int i = 0; i < RANDOM_CHARACTERS; i++) {
            key.append(BASE62[RANDOM.nextInt(BASE62.length)]);
        }
        return key.toString();
    }

    /** The stored form of a key: lower-case hex SHA-256 of its UTF-8 bytes. */
    public static String sha256Hex(String key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The part of a key that may be shown (in lists, logs, support tickets): {@code sk_live_AbCd…}. */
    public static String visiblePrefix(String key, String prefix) {
        int end = Math.min(key.length(), prefix.length() + VISIBLE_RANDOM_CHARACTERS);
        return key.substring(0, end);
    }

    /** Constant-time comparison of two stored hashes, so that timing does not tell how much of one matched. */
    public static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
