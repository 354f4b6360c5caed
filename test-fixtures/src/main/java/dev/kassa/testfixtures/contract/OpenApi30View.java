package dev.kassa.testfixtures.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A Kassa OpenAPI 3.1 document in OpenAPI 3.0's words, for swagger-request-validator, which checks schemas by 3.0's
 * rules (JSON Schema draft 4) and, given a 3.1 document, silently checks almost nothing. The documents use one 3.1
 * construct 3.0 lacks, a type that admits null ({@code "type": ["string", "null"]}), which becomes
 * {@code "type": "string", "nullable": true}; a {@code "const"} becomes a one-value {@code "enum"}. Anything else
 * 3.1-only would make the validator refuse the document, not pass a response by mistake.
 */
final class OpenApi30View {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenApi30View() {
    }

    static String of(String document) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(document);
            root.put("openapi", "3.0.3");
            rewrite(root);
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void rewrite(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.get("type") instanceof ArrayNode types) {
                List<String> named = new ArrayList<>();
                types.forEach(type -> named.add(type.asText()));
                boolean nullable = named.remove("null");
                if (named.size() == 1) {
                    object.put("type", named.getFirst());
                } else {
                    object.remove("type");
                }
                if (nullable) {
                    object.put("nullable", true);
                }
            }
            if (object.has("const")) {
                object.putArray("enum").add(object.remove("const"));
            }
            object.forEach(OpenApi30View::rewrite);
        } else if (node instanceof ArrayNode array) {
            array.forEach(OpenApi30View::rewrite);
        }
    }
}
