package dev.kassa.payment.api;

import dev.kassa.payment.PaymentProperties;
import dev.kassa.schemas.money.Money;
import dev.kassa.schemas.money.MoneyFormatException;
import dev.kassa.schemas.money.MoneyFormatException.Reason;
import java.util.List;
import java.util.OptionalLong;

/** Parses an API amount with the shared money code (docs/architecture.md §5), turning refusals into field violations. */
public final class Amounts {

    private Amounts() {
    }

    /**
     * @return the amount in minor units, or empty after adding the violation to {@code violations}
     */
    public static OptionalLong parse(String amountField, String amount, String currencyField, String currency,
                                     PaymentProperties properties, List<FieldViolation> violations) {
        if (currency == null) {
            violations.add(new FieldViolation(currencyField, "is required"));
            return OptionalLong.empty();
        }
        if (!Money.isSupportedCurrency(currency)) {
            violations.add(new FieldViolation(currencyField, "is not an upper-case ISO 4217 currency code"));
            return OptionalLong.empty();
        }
        if (amount == null) {
            violations.add(new FieldViolation(amountField, "is required"));
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Money.parseMinor(amount, currency, properties.maxAmountMinor(currency)));
        } catch (MoneyFormatException e) {
            violations.add(new FieldViolation(e.reason() == Reason.UNKNOWN_CURRENCY ? currencyField : amountField,
                    e.getMessage()));
            return OptionalLong.empty();
        }
    }
}
