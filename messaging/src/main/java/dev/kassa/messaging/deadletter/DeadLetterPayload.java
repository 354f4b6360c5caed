package dev.kassa.messaging.deadletter;

import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * A decoded dead letter's value as JSON text for the listing, and the bound on the long texts of the dead-letter
 * endpoints (that payload; an audit row's selection, records and error), so that one huge record or replay cannot
 * blow up a page of them.
 *
 * <p>Avro's own rendering ({@link SpecificData#toString(Object)}): field names as in the schema, strings escaped,
 * a union's value without its branch name, enums as their symbol, {@code timestamp-millis} as an ISO-8601 string.
 * No masking: no Kassa event schema has a card-number field; a payment method travels only as the PSP's token
 * ({@code payment_method_token}, schemas/src/main/avro).
 */
final class DeadLetterPayload {

    /** The longest text answered; a longer one is cut there and ends with {@link #marker(long)}. */
    static final int MAX_CHARS = 4_000;

    private DeadLetterPayload() {
    }

    /** {@code record} as JSON text, bounded; {@code null} for no record (bytes that did not decode). */
    static String json(SpecificRecord record) {
        if (record == null) {
            return null;
        }
        try {
            return bounded(SpecificData.get().toString(record));
        } catch (RuntimeException e) {
            return null; // a listing never fails on one record's rendering
        }
    }

    /** {@code text} itself when it has at most {@link #MAX_CHARS} characters, else its head and the marker. */
    static String bounded(String text) {
        if (text == null || text.length() <= MAX_CHARS) {
            return text;
        }
        return bounded(text.substring(0, MAX_CHARS), text.length());
    }

    /**
     * The head of a text of {@code fullLength} characters (PostgreSQL may cut it: {@code left(column, MAX_CHARS)}),
     * with the marker when the text was longer than {@link #MAX_CHARS}.
     */
    static String bounded(String head, long fullLength) {
        if (head == null || fullLength <= MAX_CHARS) {
            return head;
        }
        String cut = head.length() > MAX_CHARS ? head.substring(0, MAX_CHARS) : head;
        if (!cut.isEmpty() && Character.isHighSurrogate(cut.charAt(cut.length() - 1))) {
            cut = cut.substring(0, cut.length() - 1); // never half a character
        }
        return cut + marker(fullLength);
    }

    /** What ends a cut text: it is no longer valid JSON, and says so. */
    static String marker(long fullLength) {
        return "…[truncated: " + fullLength + " characters in all]";
    }
}
