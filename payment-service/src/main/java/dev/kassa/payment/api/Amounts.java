package dev.kassa.payment.api;

import dev.kassa.payment.PaymentProperties;
import dev.kassa.schemas.money.Money;
import dev.kassa.schemas.money.MoneyFormatException;
import dev.kassa.schemas.money.MoneyFormatException.Reason;
import dev.kassa.web.FieldViolation;
import dev.kassa.web.validation.KassaIds;
import dev.kassa.web.validation.PanDetector;
import java.util.Optional;

/**
 * The API's amount rule, with the shared money code (docs/architecture.md §5): a decimal string in the currency's minor
 * unit, positive, at most the configured maximum of that currency. Used by {@link ValidAmount} for checkout
 * orders and by refunds, whose currency is the order's.
 */
public final class Amounts {

    public static final String AMOUNT = "amount";
    public static final String CURRENCY = "currency";

    private Amounts() {
    }

    /** Why {@code amount} in {@code currency} is refused, naming {@link #AMOUNT} or {@link #CURRENCY}; empty if it is fine. */
    public static Optional<FieldViolation> refusal(String amount, String currency, PaymentProperties properties) {
        if (currency == null) {
            return refuse(CURRENCY, "is required");
        }
        if (!Money.isSupportedCurrency(currency)) {
            return refuse(CURRENCY, "is not an upper-case ISO 4217 currency code");
        }
        if (amount == null) {
            return refuse(AMOUNT, "is required");
        }
        if (PanDetector.containsPan(amount)) {
            // Before parsing: the money code's reasons quote the amount.
            return refuse(AMOUNT, KassaIds.CARD_NUMBER);
        }
        try {
            Money.parseMinor(amount, currency, properties.maxAmountMinor(currency));
            return Optional.empty();
        } catch (MoneyFormatException e) {
            return refuse(e.reason() == Reason.UNKNOWN_CURRENCY ? CURRENCY : AMOUNT, e.getMessage());
        }
    }

    /** The amount in minor units; only for an amount {@link #refusal} accepted. */
    public static long minor(String amount, String currency, PaymentProperties properties) {
        return Money.parseMinor(amount, currency, properties.maxAmountMinor(currency));
    }

    private static Optional<FieldViolation> refuse(String field, String reason) {
        return Optional.of(new FieldViolation(field, reason));
    }
}
