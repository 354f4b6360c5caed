package dev.kassa.pspmock.settlement;

import java.math.BigDecimal;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The fee model of the settlement file: a percentage of the amount plus a fixed part, per currency.
 *
 * @param standard   for currencies without their own rule; its fixed part is rounded to each currency's minor unit
 * @param currencies rules by ISO 4217 code; their fixed part must fit the currency's minor unit exactly
 */
@ConfigurationProperties("psp.settlement.fees")
public record FeeProperties(
        @DefaultValue FeeRule standard,
        Map<String, FeeRule> currencies) {

    public FeeProperties {
        currencies = currencies == null ? Map.of() : currencies;
    }

    /**
     * @param percent of the amount, e.g. 1.4 for 1.4 % (a decimal, never a float)
     * @param fixed   in major units of the currency, e.g. 0.25 EUR
     */
    public record FeeRule(@DefaultValue("2.9") BigDecimal percent, @DefaultValue("0") BigDecimal fixed) {
    }
}
