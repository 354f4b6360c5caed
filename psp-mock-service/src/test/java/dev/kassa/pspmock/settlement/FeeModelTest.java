package dev.kassa.pspmock.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import dev.kassa.pspmock.settlement.FeeProperties.FeeRule;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("fast")
class FeeModelTest {

    private final FeeModel fees = new FeeModel(new FeeProperties(rule("2.9", "0.30"), Map.of(
            "EUR", rule("1.4", "0.25"),
            "jpy", rule("3.6", "30"),
            "KWD", rule("1", "0.105"))));

    @ParameterizedTest(name = "{0} {1} -> fee {2}")
    @CsvSource({
            "10000, EUR, 165",   // 140 + 25
            "2550, EUR, 61",     // 35.7 -> 36, + 25
            "35, EUR, 25",       // 0.49 -> 0, + 25
            "5000, JPY, 210",    // 180 + 30 (no minor unit)
            "1000, KWD, 115",    // 10 + 105 (three decimals)
            "10000, USD, 320",   // standard: 290 + 30
            "10000, CHF, 320",
            "1000, BHD, 329",    // standard fixed 0.30 in a three-decimal currency is 300; 29 + 300
            "1000, KRW, 29"})    // standard fixed 0.30 in a zero-decimal currency rounds to 0
    void percentPlusFixedInTheCurrencysMinorUnit(long amount, String currency, long expectedFee) {
        assertThat(fees.feeFor(amount, currency)).isEqualTo(expectedFee);
    }

    @Test
    void halfAMinorUnitRoundsUp() {
        FeeModel half = new FeeModel(new FeeProperties(rule("0.5", "0"), Map.of()));

        assertThat(half.feeFor(100, "EUR")).isEqualTo(1);   // 0.5 -> 1
        assertThat(half.feeFor(300, "EUR")).isEqualTo(2);   // 1.5 -> 2
    }

    @Test
    void aFixedFeeFinerThanTheCurrencyAllowsIsRejectedAtStartup() {
        assertThatThrownBy(() -> new FeeModel(new FeeProperties(rule("2.9", "0"), Map.of("JPY", rule("3.6", "0.5")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JPY");
    }

    @Test
    void anUnknownCurrencyIsRejectedAtStartup() {
        assertThatThrownBy(() -> new FeeModel(new FeeProperties(rule("2.9", "0"), Map.of("ABC", rule("1", "0")))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static FeeRule rule(String percent, String fixed) {
        return new FeeRule(new BigDecimal(percent), new BigDecimal(fixed));
    }
}
