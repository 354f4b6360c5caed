package dev.kassa.pspmock.settlement;

import java.math.BigDecimal;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The dispute fee, withdrawn with the disputed amount when a dispute opens (Stripe's {@code Dispute fee}), in major
 * units of the dispute's currency like the settlement fee's fixed part: USD 15.00 is 1500, JPY 1500 is 1500.
 *
 * @param standard        for currencies without their own fee; rounded half up to each currency's minor unit
 * @param currencies      fees by ISO 4217 code; each must fit its currency's minor unit exactly
 * @param returnedWhenWon whether a won dispute also gives the fee back (in its {@code dispute_reversal}); Stripe keeps
 *                        it since June 2025, so false by default
 */
@ConfigurationProperties("psp.settlement.dispute-fees")
public record DisputeFeeProperties(
        @DefaultValue("15") BigDecimal standard,
        Map<String, BigDecimal> currencies,
        @DefaultValue("false") boolean returnedWhenWon) {

    public DisputeFeeProperties {
        currencies = currencies == null ? Map.of() : currencies;
    }
}
