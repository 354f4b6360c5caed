package dev.kassa.wallet.api;

import dev.kassa.web.KassaProblem;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque paging cursor of the movement list: the position of the last movement of the previous page.
 * Clients must treat it as an opaque string; the version prefix lets its content change later.
 */
final class MovementCursor {

    private static final String PREFIX = "m1.";
    private static final int MAX_LENGTH = 64;

    private MovementCursor() {
    }

    static String encode(long seq) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + seq).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The position a cursor stands for.
     *
     * @throws KassaProblem 400 when the string is not a cursor this API returned
     */
    static long decode(String cursor) {
        if (cursor.isEmpty() || cursor.length() > MAX_LENGTH) {
            throw invalid();
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!text.startsWith(PREFIX)) {
            throw invalid();
        }
        String digits = text.substring(PREFIX.length());
        if (!digits.matches("[1-9][0-9]{0,18}")) {
            throw invalid();
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static KassaProblem invalid() {
        return KassaProblem.invalid("cursor", "is not a cursor returned by this API (use next_cursor as is)");
    }
}
