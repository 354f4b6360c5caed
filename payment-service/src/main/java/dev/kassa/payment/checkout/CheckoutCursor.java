package dev.kassa.payment.checkout;

import dev.kassa.web.KassaProblem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * An opaque page cursor: the creation time and id of the last checkout of the previous page. Checkouts are listed
 * newest first; a page continues strictly after its cursor, so checkouts created meanwhile neither repeat nor
 * shift a page.
 */
record CheckoutCursor(Instant createdAt, String checkoutId) {

    private static final String PREFIX = "c:";

    /** Null when absent: the first page. */
    static CheckoutCursor parse(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int separator = decoded.indexOf('|');
            if (decoded.startsWith(PREFIX) && separator > PREFIX.length() && separator < decoded.length() - 1) {
                return new CheckoutCursor(Instant.parse(decoded.substring(PREFIX.length(), separator)),
                        decoded.substring(separator + 1));
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // falls through to the refusal below (bad Base64 or not a time)
        }
        throw KassaProblem.invalid("cursor", "is not a cursor returned by this API as next_cursor");
    }

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + createdAt + "|" + checkoutId).getBytes(StandardCharsets.UTF_8));
    }
}
