package dev.kassa.pspmock.settlement;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import dev.kassa.pspmock.api.ApiException;

/**
 * The query of {@code GET /v1/balance_transactions}, checked as Stripe checks it: its list parameters in bracket
 * notation ({@code created[gte]}, {@code expand[]} or {@code expand[0]}), anything else refused with its name.
 *
 * @param fromSecond    first unix second listed (inclusive), or null
 * @param toSecond      unix second where the listing ends (exclusive), or null
 * @param type          Stripe's transaction type; only {@code charge} and {@code refund} ever match
 * @param currency      upper case, or null
 * @param source        a {@code ch_…} or {@code re_…} id, or null
 * @param payout        psp-mock pays nothing out: any payout matches nothing
 * @param startingAfter page towards older transactions from this one (exclusive), or null
 * @param endingBefore  page towards newer transactions from this one (exclusive), or null
 * @param expandSource  {@code expand[]=data.source}: the charge or refund object instead of its id
 */
record BalanceTransactionQuery(Long fromSecond, Long toSecond, String type, String currency, String source,
                               String payout, int limit, String startingAfter, String endingBefore,
                               boolean expandSource) {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 100;
    static final String EXPANDABLE = "data.source";
    private static final Pattern EXPAND = Pattern.compile("expand\\[\\d*]");

    static BalanceTransactionQuery of(Map<String, String[]> parameters) {
        Long from = null;
        Long to = null;
        String type = null;
        String currency = null;
        String source = null;
        String payout = null;
        int limit = DEFAULT_LIMIT;
        String startingAfter = null;
        String endingBefore = null;
        boolean expandSource = false;
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (EXPAND.matcher(name).matches()) {
                for (String value : parameter.getValue()) {
                    if (!EXPANDABLE.equals(value)) {
                        throw ApiException.invalidRequest("parameter_invalid",
                                "This property cannot be expanded (" + value + ").", name);
                    }
                }
                expandSource = true;
                continue;
            }
            String value = single(name, parameter.getValue());
            switch (name) {
                case "created" -> {
                    long second = integer(name, value);
                    from = later(from, second);
                    to = earlier(to, second + 1);
                }
                case "created[gte]" -> from = later(from, integer(name, value));
                case "created[gt]" -> from = later(from, integer(name, value) + 1);
                case "created[lte]" -> to = earlier(to, integer(name, value) + 1);
                case "created[lt]" -> to = earlier(to, integer(name, value));
                case "type" -> type = value;
                case "currency" -> currency = value.toUpperCase(Locale.ROOT);
                case "source" -> source = value;
                case "payout" -> payout = value;
                case "limit" -> limit = limit(value);
                case "starting_after" -> startingAfter = value;
                case "ending_before" -> endingBefore = value;
                default -> throw ApiException.invalidRequest("parameter_unknown",
                        "Received unknown parameter: " + name, name);
            }
        }
        if (startingAfter != null && endingBefore != null) {
            throw ApiException.invalidRequest("parameter_invalid",
                    "You may only specify one of these parameters: starting_after, ending_before.", "ending_before");
        }
        return new BalanceTransactionQuery(from, to, type, currency, source, payout, limit, startingAfter,
                endingBefore, expandSource);
    }

    /** The id a page starts from, whichever direction it goes; null for the newest page. */
    String cursor() {
        return startingAfter != null ? startingAfter : endingBefore;
    }

    /** Towards newer transactions ({@code ending_before}); the page is still answered newest first. */
    boolean backwards() {
        return endingBefore != null;
    }

    private static String single(String name, String[] values) {
        if (values.length != 1) {
            throw ApiException.invalidRequest("parameter_invalid", name + " was given more than once.", name);
        }
        return values[0];
    }

    private static long integer(String name, String value) {
        try {
            long parsed = Long.parseLong(value);
            // Beyond any instant PostgreSQL or java.time can hold: refused rather than overflowing later.
            if (Math.abs(parsed) <= 100_000_000_000L) {
                return parsed;
            }
        } catch (NumberFormatException notAnInteger) {
            // reported below
        }
        throw ApiException.invalidRequest("parameter_invalid_integer", "Invalid integer: " + value, name);
    }

    private static int limit(String value) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= 1 && parsed <= MAX_LIMIT) {
                return parsed;
            }
        } catch (NumberFormatException notAnInteger) {
            // reported below
        }
        throw ApiException.invalidRequest("parameter_invalid_integer",
                "limit must be an integer from 1 to " + MAX_LIMIT + ".", "limit");
    }

    private static Long later(Long bound, long second) {
        return bound == null ? second : Math.max(bound, second);
    }

    private static Long earlier(Long bound, long second) {
        return bound == null ? second : Math.min(bound, second);
    }
}
