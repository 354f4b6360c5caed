package dev.kassa.web.validation;

import java.util.regex.Pattern;

/**
 * The one id rule of every Kassa API (checkout, payment order, refund, seller and user ids): 1–64 characters
 * of {@code [A-Za-z0-9_-]}, and nothing that looks like a card number (ids reach logs and URLs). Annotate
 * request fields and parameters with {@link KassaId}; this class is for code that checks an id by hand.
 */
public final class KassaIds {

    public static final String RULE = "must be 1-64 characters of A-Z, a-z, 0-9, '_' or '-'";
    public static final String CARD_NUMBER = "looks like a card number; send the PSP token, never the card number";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private KassaIds() {
    }

    /** Whether {@code id} follows the rule (a PAN-like id does not). */
    public static boolean isValid(String id) {
        return id != null && ID.matcher(id).matches() && !PanDetector.containsPan(id);
    }

    /** Why {@code id} is refused, or {@code null} when it follows the rule. */
    static String refusal(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return RULE;
        }
        return PanDetector.containsPan(id) ? CARD_NUMBER : null;
    }
}
