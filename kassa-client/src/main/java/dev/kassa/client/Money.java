package dev.kassa.client;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount as the API writes it: a plain decimal string in its currency's units ({@code "29.99"} USD, {@code "500"}
 * JPY) and an ISO 4217 code. Never a binary floating point number; {@link #toBigDecimal()} gives the exact value. The
 * client checks only that the amount is a plain decimal; how many decimals a currency allows, and every other money rule,
 * is payment-service's to decide (a 400 naming the field).
 *
 * @param amount   a plain decimal, {@code "29.99"}; no exponent, no grouping
 * @param currency the ISO 4217 code, {@code "USD"}
 */
public record Money(String amount, String currency) {

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (!PLAIN_DECIMAL.matcher(amount).matches()) {
            throw new IllegalArgumentException("amount must be a plain decimal such as 29.99, was " + amount);
        }
    }

    public static Money of(String amount, String currency) {
        return new Money(amount, currency);
    }

    /** {@code amount} written without exponent ({@code 1E+3} is {@code "1000"}), keeping its scale. */
    public static Money of(BigDecimal amount, String currency) {
        return new Money(Objects.requireNonNull(amount, "amount").toPlainString(), currency);
    }

    public BigDecimal toBigDecimal() {
        return new BigDecimal(amount);
    }

    /** {@code "29.99 USD"}. */
    @Override
    public String toString() {
        return amount + " " + currency;
    }

    /** Null when either part is (a response that holds no amount); used by the response records. */
    static Money orNull(String amount, String currency) {
        return amount == null || currency == null ? null : new Money(amount, currency);
    }
}
