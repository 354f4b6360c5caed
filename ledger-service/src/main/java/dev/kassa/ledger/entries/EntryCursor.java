package dev.kassa.ledger.entries;

import dev.kassa.web.KassaProblem;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An opaque page cursor: the posting sequence number of the last entry of the previous page. Entries are
 * listed in posting order; a page continues strictly after its cursor.
 */
record EntryCursor(long afterSeq) {

    private static final String PREFIX = "e:";
    static final EntryCursor START = new EntryCursor(0);

    static EntryCursor parse(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return START;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(PREFIX)) {
                long seq = Long.parseLong(decoded.substring(PREFIX.length()));
                if (seq > 0) {
                    return new EntryCursor(seq);
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal below (bad Base64 or not a number)
        }
        throw KassaProblem.invalid("cursor", "is not a cursor returned by this API as next_cursor");
    }

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + afterSeq).getBytes(StandardCharsets.UTF_8));
    }
}
