package dev.kassa.pspmock.settlement;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The dispute fee in a currency's minor units ({@link DisputeFeeProperties}), checked at startup. */
@Component
class DisputeFees {

    private final BigDecimal standard;
    private final Map<String, BigDecimal> byCurrency = new HashMap<>();
    private final boolean returnedWhenWon;

    DisputeFees(DisputeFeeProperties properties) {
        this.standard = requireNotNegative("standard", properties.standard());
        this.returnedWhenWon = properties.returnedWhenWon();
        properties.currencies().forEach((code, fee) -> {
            Currency currency = Currency.getInstance(code.toUpperCase(Locale.ROOT));
            requireNotNegative(currency.getCurrencyCode(), fee);
            if (FeeModel.finerThanMinorUnit(fee, currency)) {
                throw new IllegalArgumentException("psp.settlement.dispute-fees.currencies." + code + " " + fee
                        + " has more decimals than " + currency.getCurrencyCode() + " allows");
            }
            byCurrency.put(currency.getCurrencyCode(), fee);
        });
    }

    long feeFor(String currencyCode) {
        Currency currency = Currency.getInstance(currencyCode);
        return FeeModel.minorUnits(byCurrency.getOrDefault(currency.getCurrencyCode(), standard), currency);
    }

    boolean returnedWhenWon() {
        return returnedWhenWon;
    }

    private static BigDecimal requireNotNegative(String name, BigDecimal fee) {
        if (fee == null || fee.signum() < 0) {
            throw new IllegalArgumentException("psp.settlement.dispute-fees " + name + " must be 0 or more");
        }
        return fee;
    }
}
