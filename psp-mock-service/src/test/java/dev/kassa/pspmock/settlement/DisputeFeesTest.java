package dev.kassa.pspmock.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("fast")
class DisputeFeesTest {

    private final DisputeFees fees = new DisputeFees(new DisputeFeeProperties(new BigDecimal("15"), Map.of(
            "usd", new BigDecimal("15.00"),
            "JPY", new BigDecimal("1500"),
            "KWD", new BigDecimal("4.125")), false));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "USD, 1500",    // 15.00 in cents
            "JPY, 1500",    // no minor unit
            "KWD, 4125",    // three decimals
            "EUR, 1500",    // standard 15
            "KRW, 15",      // standard 15 in a zero-decimal currency
            "BHD, 15000"})  // standard 15 in a three-decimal currency
    void theFeeIsInTheCurrencysMinorUnit(String currency, long expected) {
        assertThat(fees.feeFor(currency)).isEqualTo(expected);
    }

    @Test
    void aStandardFeeFinerThanTheMinorUnitRoundsHalfUp() {
        DisputeFees half = new DisputeFees(new DisputeFeeProperties(new BigDecimal("12.5"), Map.of(), true));

        assertThat(half.feeFor("JPY")).isEqualTo(13);
        assertThat(half.feeFor("EUR")).isEqualTo(1250);
        assertThat(half.returnedWhenWon()).isTrue();
        assertThat(fees.returnedWhenWon()).isFalse();
    }

    @Test
    void aCurrencysFeeFinerThanItsMinorUnitOrNegativeFailsStartup() {
        assertThatThrownBy(() -> new DisputeFees(new DisputeFeeProperties(BigDecimal.TEN,
                Map.of("JPY", new BigDecimal("0.5")), false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JPY");
        assertThatThrownBy(() -> new DisputeFees(new DisputeFeeProperties(new BigDecimal("-1"), Map.of(), false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("standard");
        assertThatThrownBy(() -> new DisputeFees(new DisputeFeeProperties(BigDecimal.TEN,
                Map.of("EUR", new BigDecimal("-15")), false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EUR");
    }
}
