package dev.kassa.pspmock.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stripe's form encoding ({@code application/x-www-form-urlencoded} with bracket notation) read into the JSON tree a
 * JSON body gives: {@code metadata[k]=v} → {@code {"metadata": {"k": "v"}}}, {@code expand[]=x} and
 * {@code expand[0]=x} → {@code {"expand": ["x"]}}, {@code a[b][c]=v} → {@code {"a": {"b": {"c": "v"}}}}. Every value
 * is a string (so {@link JsonRequest} reads numbers and booleans from text for a form). Also used for query strings.
 * <p>
 * Hand-written: Spring's {@code WebDataBinder} binds bracket paths onto known bean properties only; Jackson's
 * properties format nests by dots, which metadata keys may contain; the Java ports of JavaScript's {@code qs}
 * (e.g. atek-software's QsParser) are single-maintainer projects with their own value types, and merge a repeated
 * name into a list where Stripe's "same parameters" needs one reading. It is small and {@code FormBodyTest} covers it.
 * <p>
 * An object whose keys are exactly {@code 0..n-1} becomes an array, as stripe-java writes lists
 * ({@code expand[0]=a&expand[1]=b}). A name given twice with plain values, a name used both as a value and as a
 * container, or unbalanced brackets are a 400 naming the parameter: "the same parameters" must have one reading.
 */
public final class FormBody {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FormBody() {
    }

    public static ObjectNode parse(String encoded) {
        ObjectNode root = NODES.objectNode();
        if (encoded == null || encoded.isEmpty()) {
            return root;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = decode(equals < 0 ? pair : pair.substring(0, equals), null);
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), key);
            put(root, key, path(key), value);
        }
        return (ObjectNode) densify(root);
    }

    /** {@code a[b][]} → {@code ["a", "b", ""]}; the empty segment means "append". */
    private static List<String> path(String key) {
        int open = key.indexOf('[');
        List<String> segments = new ArrayList<>();
        segments.add(open < 0 ? key : key.substring(0, open));
        if (segments.getFirst().isEmpty() || segments.getFirst().contains("]")) {
            throw malformed(key);
        }
        int at = open;
        while (at >= 0 && at < key.length()) {
            int close = key.indexOf(']', at);
            if (key.charAt(at) != '[' || close < 0) {
                throw malformed(key);
            }
            String segment = key.substring(at + 1, close);
            if (segment.contains("[")) {
                throw malformed(key);
            }
            segments.add(segment);
            at = close + 1;
        }
        return segments;
    }

    private static void put(ObjectNode root, String key, List<String> path, String value) {
        JsonNode container = root;
        for (int i = 0; i < path.size(); i++) {
            String segment = path.get(i);
            boolean last = i == path.size() - 1;
            boolean nextAppends = !last && path.get(i + 1).isEmpty();
            JsonNode child;
            if (container instanceof ArrayNode array) {
                if (!segment.isEmpty()) {
                    throw malformed(key); // an index after [] (a[][0]) has no meaning
                }
                if (last) {
                    array.add(value);
                    return;
                }
                child = nextAppends ? NODES.arrayNode() : NODES.objectNode();
                array.add(child);
            } else {
                ObjectNode object = (ObjectNode) container;
                if (segment.isEmpty()) {
                    throw malformed(key); // [] on something already holding named keys
                }
                JsonNode existing = object.get(segment);
                if (last) {
                    if (existing != null) {
                        throw new ApiException(400, "invalid_request_error", "parameter_invalid",
                                "Received " + key + " more than once, or also as a hash or array.", key);
                    }
                    object.put(segment, value);
                    return;
                }
                child = existing != null ? existing : nextAppends ? NODES.arrayNode() : NODES.objectNode();
                if (existing == null) {
                    object.set(segment, child);
                } else if (!existing.isContainer() || existing.isArray() != nextAppends) {
                    throw new ApiException(400, "invalid_request_error", "parameter_invalid",
                            "Received " + key + " as another kind of value than before.", key);
                }
            }
            container = child;
        }
    }

    /** Objects keyed exactly 0..n-1 (stripe-java's lists) become arrays, innermost first. */
    private static JsonNode densify(JsonNode node) {
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, densify(array.get(i)));
            }
            return array;
        }
        if (!(node instanceof ObjectNode object)) {
            return node;
        }
        for (String name : List.copyOf(object.propertyNames())) {
            object.set(name, densify(object.get(name)));
        }
        if (object.isEmpty()) {
            return object;
        }
        int index = 0;
        for (Iterator<String> names = object.propertyNames().iterator(); names.hasNext(); index++) {
            if (!names.next().equals(Integer.toString(index))) {
                return object;
            }
        }
        ArrayNode array = NODES.arrayNode();
        for (String name : List.copyOf(object.propertyNames())) {
            array.add(object.get(name));
        }
        return array;
    }

    private static String decode(String text, String key) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            throw new ApiException(400, "invalid_request_error", "parameter_invalid",
                    "Invalid percent-encoding in the form body" + (key == null ? "" : " for " + key) + ".",
                    key);
        }
    }

    private static ApiException malformed(String key) {
        return new ApiException(400, "invalid_request_error", "parameter_invalid",
                "Invalid parameter name: " + key + ". Nest with brackets, e.g. metadata[order_id]=po_1.", key);
    }
}
