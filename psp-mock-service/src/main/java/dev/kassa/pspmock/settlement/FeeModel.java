package dev.kassa.pspmock.settlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import dev.kassa.pspmock.settlement.FeeProperties.FeeRule;
import org.springframework.stereotype.Component;

/**
 * Fee of a charge in minor units: round-half-up(amount x percent / 100) + fixed, where fixed is converted with the
 * currency's own exponent (EUR 0.25 is 25, JPY 30 is 30, KWD 0.100 is 100). All decimal arithmetic.
 */
@Component
class FeeModel {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final FeeRule standard;
    private final Map<String, FeeRule> byCurrency = new HashMap<>();

    FeeModel(FeeProperties properties) {
        this.standard = requireValidPercent("standard", properties.standard());
        properties.currencies().forEach((code, rule) -> {
            Currency currency = Currency.getInstance(code.toUpperCase(Locale.ROOT));
            requireValidPercent(currency.getCurrencyCode(), rule);
            if (finerThanMinorUnit(rule.fixed(), currency)) {
                throw new IllegalArgumentException("psp.settlement.fees.currencies." + code + ".fixed " + rule.fixed()
                        + " has more decimals than " + currency.getCurrencyCode() + " allows");
            }
            byCurrency.put(currency.getCurrencyCode(), rule);
        });
    }

    public long feeFor(long amountMinor, String currencyCode) {
        Currency currency = Currency.getInstance(currencyCode);
        FeeRule rule = byCurrency.getOrDefault(currency.getCurrencyCode(), standard);
        long percentPart = BigDecimal.valueOf(amountMinor).multiply(rule.percent())
                .divide(HUNDRED).setScale(0, RoundingMode.HALF_UP).longValueExact();
        return percentPart + minorUnits(rule.fixed(), currency);
    }

    /** An amount in major units in the currency's minor unit, rounded half up: EUR 0.25 is 25, JPY 30 is 30. */
    static long minorUnits(BigDecimal major, Currency currency) {
        return major.movePointRight(currency.getDefaultFractionDigits()).setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /** True when {@code major} has more decimals than the currency's minor unit holds (EUR 0.255, JPY 0.5). */
    static boolean finerThanMinorUnit(BigDecimal major, Currency currency) {
        return major.stripTrailingZeros().scale() > currency.getDefaultFractionDigits();
    }

    private static FeeRule requireValidPercent(String name, FeeRule rule) {
        if (rule.percent().signum() < 0 || rule.percent().compareTo(HUNDRED) > 0 || rule.fixed().signum() < 0) {
            throw new IllegalArgumentException("psp.settlement.fees " + name + ": percent must be 0..100 and fixed >= 0");
        }
        return rule;
    }
}
