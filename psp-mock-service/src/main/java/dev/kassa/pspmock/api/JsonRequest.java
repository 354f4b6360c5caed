package dev.kassa.pspmock.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A request's parameters as a JSON tree, from a JSON body, a Stripe form body or a query string ({@link FormBody}),
 * with the validations every endpoint shares. Each failure is a 400 that names the parameter and the reason, so a
 * client can tell exactly what it sent wrong.
 */
public final class JsonRequest {

    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Za-z]{3}");
    private static final int METADATA_MAX_KEYS = 50;
    private static final int METADATA_MAX_KEY_LENGTH = 40;
    private static final int METADATA_MAX_VALUE_LENGTH = 500;

    private static final Pattern FORM_INTEGER = Pattern.compile("-?[0-9]+");
    private static final Pattern FORM_NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    private final ObjectNode body;
    /** Read from a form (or query string): every value is text, so numbers and booleans are read from text. */
    private final boolean form;

    JsonRequest(ObjectNode body, boolean form) {
        this.body = body;
        this.form = form;
    }

    /** A query string's parameters, validated like a body's. */
    public static JsonRequest ofQuery(String queryString) {
        return new JsonRequest(FormBody.parse(queryString), true);
    }

    /** A form's text that spells a number or boolean as that JSON value; anything else unchanged. */
    private JsonNode typed(JsonNode node) {
        if (!form || !node.isString()) {
            return node;
        }
        String text = node.stringValue();
        if (FORM_INTEGER.matcher(text).matches()) {
            return JsonNodeFactory.instance.numberNode(new BigInteger(text));
        }
        if (FORM_NUMBER.matcher(text).matches()) {
            return JsonNodeFactory.instance.numberNode(new BigDecimal(text));
        }
        if (text.equals("true") || text.equals("false")) {
            return JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(text));
        }
        return node;
    }

    /** Stripe rejects parameters it does not know; so do we, so that typos (e.g. amount_minor) surface at once. */
    public JsonRequest allowOnly(Set<String> known) {
        for (String name : body.propertyNames()) {
            if (!known.contains(name)) {
                throw ApiException.invalidRequest("parameter_unknown", "Received unknown parameter: " + name, name);
            }
        }
        return this;
    }

    public boolean has(String name) {
        JsonNode node = body.get(name);
        return node != null && !node.isNull();
    }

    /** A positive integer amount in minor units, at most {@code max}. */
    public long requiredAmount(String name, long max) {
        if (!has(name)) {
            throw ApiException.invalidRequest("parameter_missing", "Missing required param: " + name + ".", name);
        }
        return optionalAmount(name, max).orElseThrow();
    }

    public OptionalLong optionalAmount(String name, long max) {
        if (!has(name)) {
            return OptionalLong.empty();
        }
        JsonNode node = typed(body.get(name));
        if (!node.isIntegralNumber()) {
            throw ApiException.invalidRequest("parameter_invalid_integer",
                    "Invalid integer: " + node + ". " + name + " is an integer in the currency's minor unit.", name);
        }
        if (!node.canConvertToLong() || node.longValue() > max) {
            throw ApiException.invalidRequest("amount_too_large", "Amount must be at most " + max + ".", name);
        }
        long amount = node.longValue();
        if (amount <= 0) {
            throw ApiException.invalidRequest("amount_too_small", "Amount must be a positive integer.", name);
        }
        return OptionalLong.of(amount);
    }

    /** Any integer that fits a long, sign included. */
    public OptionalLong optionalSignedInteger(String name) {
        if (!has(name)) {
            return OptionalLong.empty();
        }
        JsonNode node = typed(body.get(name));
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw ApiException.invalidRequest("parameter_invalid_integer", name + " must be an integer.", name);
        }
        return OptionalLong.of(node.longValue());
    }

    public String requiredString(String name) {
        return optionalString(name).orElseThrow(() ->
                ApiException.invalidRequest("parameter_missing", "Missing required param: " + name + ".", name));
    }

    public Optional<String> optionalString(String name) {
        if (!has(name)) {
            return Optional.empty();
        }
        JsonNode node = body.get(name);
        if (!node.isString()) {
            throw ApiException.invalidRequest("parameter_invalid_string", name + " must be a string.", name);
        }
        String value = node.stringValue().strip();
        if (value.isEmpty()) {
            throw ApiException.invalidRequest("parameter_invalid_empty", name + " must not be empty.", name);
        }
        return Optional.of(value);
    }

    /** An ISO 4217 currency in any case, with a defined minor unit (so not XAU, XXX and the like). */
    public Currency requiredCurrency(String name) {
        String code = requiredString(name);
        Currency currency = null;
        if (CURRENCY_CODE.matcher(code).matches()) {
            try {
                currency = Currency.getInstance(code.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                currency = null;
            }
        }
        if (currency == null || currency.getDefaultFractionDigits() < 0) {
            throw ApiException.invalidRequest("invalid_currency",
                    "Invalid currency: " + code + ". Use an ISO 4217 code such as EUR.", name);
        }
        return currency;
    }

    /** A flat string-to-string map with Stripe's metadata limits; absent means empty. Sorted for stable output. */
    public Map<String, String> optionalStringMap(String name) {
        Map<String, String> result = new TreeMap<>();
        if (!has(name)) {
            return result;
        }
        JsonNode node = body.get(name);
        if (form && node.isArray()) {
            node = indexedObject(node); // metadata[0]=a: FormBody took the keys 0..n-1 for a list
        }
        if (form && node.isString() && node.stringValue().isEmpty()) {
            return result; // metadata= : Stripe's way of sending an empty hash
        }
        if (!node.isObject()) {
            throw ApiException.invalidRequest("parameter_invalid", name + " must be an object of string values.", name);
        }
        if (node.size() > METADATA_MAX_KEYS) {
            throw ApiException.invalidRequest("parameter_invalid",
                    name + " may have at most " + METADATA_MAX_KEYS + " keys.", name);
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String key = entry.getKey();
            String param = name + "[" + key + "]";
            if (key.isEmpty() || key.length() > METADATA_MAX_KEY_LENGTH) {
                throw ApiException.invalidRequest("parameter_invalid",
                        name + " keys must be 1 to " + METADATA_MAX_KEY_LENGTH + " characters.", param);
            }
            if (!entry.getValue().isString()) {
                throw ApiException.invalidRequest("parameter_invalid", param + " must be a string.", param);
            }
            String value = entry.getValue().stringValue();
            if (value.length() > METADATA_MAX_VALUE_LENGTH) {
                throw ApiException.invalidRequest("parameter_invalid",
                        param + " must be at most " + METADATA_MAX_VALUE_LENGTH + " characters.", param);
            }
            result.put(key, value);
        }
        return result;
    }

    public Optional<Double> optionalRate(String name) {
        if (!has(name)) {
            return Optional.empty();
        }
        JsonNode node = typed(body.get(name));
        if (!node.isNumber() || node.doubleValue() < 0 || node.doubleValue() > 1) {
            throw ApiException.invalidRequest("parameter_invalid", name + " must be a number from 0 to 1.", name);
        }
        return Optional.of(node.doubleValue());
    }

    public OptionalLong optionalMillis(String name, long max) {
        if (!has(name)) {
            return OptionalLong.empty();
        }
        JsonNode node = typed(body.get(name));
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0 || node.longValue() > max) {
            throw ApiException.invalidRequest("parameter_invalid",
                    name + " must be an integer number of milliseconds from 0 to " + max + ".", name);
        }
        return OptionalLong.of(node.longValue());
    }

    public Optional<Boolean> optionalBoolean(String name) {
        if (!has(name)) {
            return Optional.empty();
        }
        JsonNode node = typed(body.get(name));
        if (!node.isBoolean()) {
            throw ApiException.invalidRequest("parameter_invalid", name + " must be true or false.", name);
        }
        return Optional.of(node.booleanValue());
    }

    private static ObjectNode indexedObject(JsonNode array) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < array.size(); i++) {
            object.set(Integer.toString(i), array.get(i));
        }
        return object;
    }

    /** A list of strings, e.g. {@code expand}: a JSON array, or {@code expand[]=a} / {@code expand[0]=a} in a form. */
    public List<String> optionalStringList(String name) {
        List<String> result = new ArrayList<>();
        if (!has(name)) {
            return result;
        }
        JsonNode node = body.get(name);
        if (form && node.isString() && node.stringValue().isEmpty()) {
            return result;
        }
        if (!node.isArray()) {
            throw ApiException.invalidRequest("parameter_invalid", name + " must be an array of strings.", name);
        }
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isString()) {
                throw ApiException.invalidRequest("parameter_invalid", name + "[" + i + "] must be a string.",
                        name + "[" + i + "]");
            }
            result.add(node.get(i).stringValue());
        }
        return result;
    }

    /** One of {@code allowed}, as text. */
    public Optional<String> optionalEnum(String name, Set<String> allowed) {
        Optional<String> value = optionalString(name);
        if (value.isPresent() && !allowed.contains(value.get())) {
            throw ApiException.invalidRequest("parameter_invalid",
                    "Invalid " + name + ": must be one of " + String.join(", ", new TreeSet<>(allowed)) + ".",
                    name);
        }
        return value;
    }

    /** An integer from {@code min} to {@code max}, e.g. a list's {@code limit}. */
    public OptionalLong optionalIntegerInRange(String name, long min, long max) {
        if (!has(name)) {
            return OptionalLong.empty();
        }
        JsonNode node = typed(body.get(name));
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < min || node.longValue() > max) {
            throw ApiException.invalidRequest("parameter_invalid_integer",
                    name + " must be an integer from " + min + " to " + max + ".", name);
        }
        return OptionalLong.of(node.longValue());
    }

    /** The parameter as its JSON tree, for optional hashes a request accepts but does not act on. */
    public JsonNode raw(String name) {
        return body.get(name);
    }
}
