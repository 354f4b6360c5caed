package dev.kassa.schemas.money;

import dev.kassa.schemas.money.MoneyFormatException.Reason;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.regex.Pattern;

/**
 * The one conversion between API decimal strings ("29.99") and integer minor units (2999) for every
 * service (docs/architecture.md §5). The currency's own exponent applies: JPY 0, USD/EUR 2, KWD 3. No float or double.
 */
public final class Money {

    /** Canonical plain decimal: no '+', no leading zeros, digits on both sides of a '.'. */
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");
    private static final Pattern EXPONENT = Pattern.compile("[-+]?[0-9]*\\.?[0-9]*[eE][-+]?[0-9]+");
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");
    /** Long.MAX_VALUE has 19 digits; anything longer cannot fit, whatever its scale. */
    private static final int MAX_INTEGER_DIGITS = 19;

    private Money() {
    }

    /**
     * Parses a positive decimal amount into minor units of {@code currency}.
     *
     * @param maxMinor the largest accepted amount in minor units (configured per service)
     * @throws MoneyFormatException with the reason the amount or currency is refused
     */
    public static long parseMinor(String decimal, String currency, long maxMinor) {
        if (maxMinor <= 0) {
            throw new IllegalArgumentException("maxMinor must be positive, was " + maxMinor);
        }
        int digits = fractionDigits(currency);
        if (decimal == null || decimal.isBlank()) {
            throw new MoneyFormatException(Reason.BLANK, "amount is missing");
        }
        if (!PLAIN_DECIMAL.matcher(decimal).matches()) {
            if (EXPONENT.matcher(decimal).matches()) {
                throw new MoneyFormatException(Reason.EXPONENT_FORM,
                        "amount '" + decimal + "' is in exponent form; write a plain decimal such as 29.99");
            }
            throw new MoneyFormatException(Reason.MALFORMED,
                    "amount '" + abbreviate(decimal) + "' is not a plain decimal such as 29.99");
        }
        if (decimal.startsWith("-")) {
            throw new MoneyFormatException(Reason.NOT_POSITIVE, "amount " + decimal + " is negative");
        }
        int dot = decimal.indexOf('.');
        int scale = dot < 0 ? 0 : decimal.length() - dot - 1;
        if (scale > digits) {
            throw new MoneyFormatException(Reason.TOO_MANY_DECIMALS, "amount " + abbreviate(decimal) + " has "
                    + scale + " decimals, " + currency + " allows " + digits);
        }
        int integerDigits = dot < 0 ? decimal.length() : dot;
        if (integerDigits > MAX_INTEGER_DIGITS) {
            throw aboveMaximum(abbreviate(decimal), currency, maxMinor);
        }
        BigDecimal minor = new BigDecimal(decimal).movePointRight(digits);
        if (minor.signum() == 0) {
            throw new MoneyFormatException(Reason.NOT_POSITIVE, "amount " + decimal + " is zero");
        }
        if (minor.compareTo(BigDecimal.valueOf(maxMinor)) > 0) {
            throw aboveMaximum(decimal, currency, maxMinor);
        }
        return minor.longValueExact();
    }

    /** Minor units as a plain decimal with the currency's exponent: 2999 USD → "29.99", -500 → "-5.00". */
    public static String formatMinor(long minor, String currency) {
        return BigDecimal.valueOf(minor, fractionDigits(currency)).toPlainString();
    }

    /**
     * The number of minor-unit digits of an upper-case ISO 4217 code: JPY 0, EUR 2, KWD 3.
     *
     * @throws MoneyFormatException UNKNOWN_CURRENCY for lower case, unknown codes and codes without minor
     *                              units such as XXX (no currency) or XTS (testing)
     */
    public static int fractionDigits(String currency) {
        if (currency == null || !CURRENCY_CODE.matcher(currency).matches()) {
            throw unknownCurrency(currency);
        }
        Currency known;
        try {
            known = Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw unknownCurrency(currency);
        }
        int digits = known.getDefaultFractionDigits();
        if (digits < 0) {
            throw unknownCurrency(currency);
        }
        return digits;
    }

    /** Whether {@link #fractionDigits} accepts the code. */
    public static boolean isSupportedCurrency(String currency) {
        try {
            fractionDigits(currency);
            return true;
        } catch (MoneyFormatException e) {
            return false;
        }
    }

    private static MoneyFormatException unknownCurrency(String currency) {
        return new MoneyFormatException(Reason.UNKNOWN_CURRENCY, "currency '" + abbreviate(String.valueOf(currency))
                + "' is not an upper-case ISO 4217 code with minor units");
    }

    private static MoneyFormatException aboveMaximum(String decimal, String currency, long maxMinor) {
        return new MoneyFormatException(Reason.ABOVE_MAXIMUM, "amount " + decimal + " " + currency
                + " is above the maximum " + formatMinor(maxMinor, currency));
    }

    /** Keeps error messages short when a client sends a huge string. */
    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
