package dev.kassa.wallet.api;

import java.util.regex.Pattern;

/** Parsing of path and query parameters into values or {@link InvalidParameterException}s naming the field. */
final class RequestParameters {

    /** Seller accounts are ids of the payment API: 1–64 characters of {@code [A-Za-z0-9_-]}. */
    private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern SMALL_INTEGER = Pattern.compile("[+-]?[0-9]{1,9}");

    private RequestParameters() {
    }

    static String accountId(String value) {
        if (value == null || !ACCOUNT_ID.matcher(value).matches()) {
            throw new InvalidParameterException("account_id", "must be 1 to 64 characters of A-Z, a-z, 0-9, '_' and '-'");
        }
        return value;
    }

    /** The page size: {@code defaultLimit} when absent, otherwise an integer in [1, max]. */
    static int limit(String value, int defaultLimit, int max) {
        if (value == null) {
            return defaultLimit;
        }
        String reason = "must be an integer from 1 to " + max;
        if (!SMALL_INTEGER.matcher(value).matches()) {
            throw new InvalidParameterException("limit", reason + ", was '" + abbreviate(value) + "'");
        }
        int limit = Integer.parseInt(value);
        if (limit < 1 || limit > max) {
            throw new InvalidParameterException("limit", reason + ", was " + limit);
        }
        return limit;
    }

    private static String abbreviate(String value) {
        return value.length() <= 20 ? value : value.substring(0, 17) + "...";
    }
}
