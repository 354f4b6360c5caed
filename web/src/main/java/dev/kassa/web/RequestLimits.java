package dev.kassa.web;

import java.util.regex.Pattern;

/**
 * Whole-number query parameters with bounds, such as a page's {@code limit}, whose maximum is often a
 * setting and so cannot be a constraint annotation. Taken as text so that an empty or malformed value is a
 * 400 naming the parameter, like any other.
 */
public final class RequestLimits {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+]?[0-9]{1,9}");

    private RequestLimits() {
    }

    /**
     * @return {@code defaultValue} when the parameter is absent, otherwise its value
     * @throws KassaProblem 400 naming {@code field} unless it is a whole number from {@code min} to {@code max}
     */
    public static int within(String field, String value, int defaultValue, int min, int max) {
        if (value == null) {
            return defaultValue;
        }
        if (WHOLE_NUMBER.matcher(value).matches()) {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        }
        throw KassaProblem.invalid(field, "must be a whole number from " + min + " to " + max);
    }
}
