package dev.kassa.pspmock.api;

import java.util.concurrent.ThreadLocalRandom;

/** Stripe-style ids: a type prefix and 24 base-62 characters (~142 random bits, so collisions are not a concern). */
public final class Ids {

    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final int LENGTH = 24;

    private Ids() {
    }

    public static String newId(String prefix) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder id = new StringBuilder(prefix.length() + 1 + LENGTH).append(prefix).append('_');
        for (int i = 0; i < LENGTH; i++) {
            id.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }

    /**
     * The id of a payment intent's charge. psp-mock makes one charge per confirmed intent, so the charge id is derived
     * from the intent's ({@code pi_X} → {@code ch_X}) and needs no column or lookup of its own.
     */
    public static String chargeOf(String paymentIntentId) {
        if (!paymentIntentId.startsWith("pi_")) {
            throw new IllegalArgumentException("not a payment intent id: " + paymentIntentId);
        }
        return "ch_" + paymentIntentId.substring(3);
    }
}
