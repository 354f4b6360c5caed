package dev.kassa.pspmock.api;

import java.util.Map;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A Stripe object's metadata: free-form string pairs, written as a plain JSON object. Its own type (not a Map
 * property) so that Spring Data JDBC keeps it in one {@code jsonb} column rather than taking it for a child table.
 */
public record Metadata(@JsonValue Map<String, String> entries) {

    public String get(String key) {
        return entries.get(key);
    }
}
