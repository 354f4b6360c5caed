package dev.kassa.messaging.outbox;

import java.util.LinkedHashMap;
import java.util.Map;

/** Headers in the outbox's {@code headers} column: one {@code name:value} per line (trace headers have neither). */
final class HeaderText {

    private HeaderText() {
    }

    static String format(Map<String, String> headers) {
        if (headers.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        headers.forEach((name, value) -> {
            if (name.indexOf(':') >= 0 || name.indexOf('\n') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("Header cannot be stored: " + name);
            }
            text.append(name).append(':').append(value).append('\n');
        });
        return text.toString();
    }

    static Map<String, String> parse(String text) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (text == null) {
            return headers;
        }
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon), line.substring(colon + 1));
            }
        }
        return headers;
    }
}
