package dev.kassa.schemas.money;

/** A decimal amount or currency that Kassa does not accept, with a reason an HTTP layer can name. */
public class MoneyFormatException extends IllegalArgumentException {

    public enum Reason {
        /** null, empty or only whitespace. */
        BLANK,
        /** Not a plain decimal: signs other than a leading '-', spaces, separators, leading zeros, "1.", ".5"... */
        MALFORMED,
        /** Scientific notation such as "1e3". */
        EXPONENT_FORM,
        /** Zero or negative. */
        NOT_POSITIVE,
        /** More fraction digits than the currency has (e.g. "1.5" JPY, "1.234" USD). */
        TOO_MANY_DECIMALS,
        /** Not an upper-case ISO 4217 code of a real currency (XXX, XTS, gold... have no minor units). */
        UNKNOWN_CURRENCY,
        /** Above the configured maximum. */
        ABOVE_MAXIMUM
    }

    private final Reason reason;

    public MoneyFormatException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
