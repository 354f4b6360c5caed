package dev.kassa.payment.api;

import java.util.List;
import java.util.regex.Pattern;

/** The API's id rule: 1–64 characters of {@code [A-Za-z0-9_-]}. */
public final class Ids {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    public static final String RULE = "must be 1-64 characters of A-Z, a-z, 0-9, '_' or '-'";

    private Ids() {
    }

    public static boolean isValid(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** Adds a violation for a missing or malformed id. */
    public static void check(String field, String id, List<FieldViolation> violations) {
        if (id == null) {
            violations.add(new FieldViolation(field, "is required"));
        } else if (!isValid(id)) {
            violations.add(new FieldViolation(field, RULE));
        }
    }

    /**
     * For ids in URL paths: refuses what could never exist, with the same rule, and anything that looks
     * like a card number (it would otherwise reach the logs through the MDC).
     */
    public static String requireValid(String field, String id) {
        if (!isValid(id)) {
            throw ApiProblem.invalidRequest(field, RULE);
        }
        if (PanDetector.containsPan(id)) {
            throw ApiProblem.invalidRequest(field, JsonBodyInspector.PAN_REASON);
        }
        return id;
    }
}
