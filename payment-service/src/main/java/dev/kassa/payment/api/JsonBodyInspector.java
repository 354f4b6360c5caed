package dev.kassa.payment.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Checks a parsed request body before it is bound: every scalar must be a JSON string (the API's fields
 * are all strings, amounts included, so a number is never silently coerced), and nothing may look like a
 * card number, in any value or field name. The offending value is never echoed.
 */
public final class JsonBodyInspector {

    static final String PAN_REASON = "looks like a card number; send the PSP token, never the card number";

    private JsonBodyInspector() {
    }

    /** @throws ApiProblem 400 naming every offending field */
    public static void requireStringsWithoutPan(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiProblem.invalidRequest("body", "must be a JSON object");
        }
        List<FieldViolation> violations = new ArrayList<>();
        inspect(body, "", violations);
        if (!violations.isEmpty()) {
            throw ApiProblem.invalidRequest(violations);
        }
    }

    private static void inspect(JsonNode node, String path, List<FieldViolation> violations) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                String child = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
                if (PanDetector.containsPan(property.getKey())) {
                    violations.add(new FieldViolation(path.isEmpty() ? "body" : path, "has a field name that " + PAN_REASON));
                    continue;
                }
                inspect(property.getValue(), child, violations);
            }
        } else if (node.isArray()) {
            int index = 0;
            for (JsonNode element : node.values()) {
                inspect(element, path + "[" + index++ + "]", violations);
            }
        } else if (node.isString()) {
            if (PanDetector.containsPan(node.stringValue())) {
                violations.add(new FieldViolation(path, PAN_REASON));
            }
        } else if (!node.isNull()) {
            // Numbers and booleans: check digits too, then refuse the type.
            if (PanDetector.containsPan(node.asString())) {
                violations.add(new FieldViolation(path, PAN_REASON));
            } else {
                violations.add(new FieldViolation(path, "must be a JSON string"));
            }
        }
    }
}
