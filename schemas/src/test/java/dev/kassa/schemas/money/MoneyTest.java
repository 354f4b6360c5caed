package dev.kassa.schemas.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kassa.schemas.money.MoneyFormatException.Reason;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("fast")
class MoneyTest {

    private static final long MAX = 100_000_000L; // 1,000,000.00 in a two-digit currency

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "29.99, USD, 2999",
            "29.9, USD, 2990",
            "29, USD, 2900",
            "0.01, EUR, 1",
            "0.5, EUR, 50",
            "1000, JPY, 1000",
            "1, JPY, 1",
            "1.5, KWD, 1500",
            "1.234, KWD, 1234",
            "0.001, KWD, 1",
            "1000000.00, USD, 100000000",
    })
    void parsesWithTheCurrencysOwnExponent(String decimal, String currency, long minor) {
        assertThat(Money.parseMinor(decimal, currency, MAX)).isEqualTo(minor);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "2999, USD, 29.99",
            "5, USD, 0.05",
            "100000000, USD, 1000000.00",
            "1000, JPY, 1000",
            "1500, KWD, 1.500",
            "1, KWD, 0.001",
            "-500, USD, -5.00",
            "0, EUR, 0.00",
            "-1000, JPY, -1000",
    })
    void formatsMinorUnitsAsAPlainDecimal(long minor, String currency, String decimal) {
        assertThat(Money.formatMinor(minor, currency)).isEqualTo(decimal);
    }

    @Test
    void formatsTheExtremesOfLongWithoutOverflow() {
        assertThat(Money.formatMinor(Long.MAX_VALUE, "USD")).isEqualTo("92233720368547758.07");
        assertThat(Money.formatMinor(Long.MIN_VALUE, "USD")).isEqualTo("-92233720368547758.08");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.01", "29.99", "1000000.00", "123.4"})
    void formatThenParseIsTheIdentity(String decimal) {
        long minor = Money.parseMinor(decimal, "EUR", MAX);
        assertThat(Money.parseMinor(Money.formatMinor(minor, "EUR"), "EUR", MAX)).isEqualTo(minor);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t", "\n"})
    void rejectsBlankAmounts(String decimal) {
        assertReason(decimal, "USD", Reason.BLANK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1.00", " 1.00", "1.00 ", "1,00", "1,000.00", "1.", ".5", "00.50", "01", "1..0",
            "1.0.0", "abc", "NaN", "Infinity", "-", "0x10", "1_000", "١٢", "１", "--1", "1-", "$1"})
    void rejectsMalformedAmounts(String decimal) {
        assertReason(decimal, "USD", Reason.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e3", "1E3", "1.5e2", "1e-2", "2E+1", "-1e3", ".5e1"})
    void rejectsExponentForm(String decimal) {
        assertReason(decimal, "USD", Reason.EXPONENT_FORM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "0.0", "-1", "-0.01", "-0", "-29.99"})
    void rejectsNonPositiveAmounts(String decimal) {
        assertReason(decimal, "USD", Reason.NOT_POSITIVE);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"29.999, USD", "0.001, EUR", "1.5, JPY", "1.0, JPY", "29.990, USD", "1.2345, KWD"})
    void rejectsMoreDecimalsThanTheCurrencyHas(String decimal, String currency) {
        assertReason(decimal, currency, Reason.TOO_MANY_DECIMALS);
    }

    @Test
    void namesTheCurrencysDigitsWhenThereAreTooManyDecimals() {
        assertThatThrownBy(() -> Money.parseMinor("1.5", "JPY", MAX))
                .hasMessage("amount 1.5 has 1 decimals, JPY allows 0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"usd", "Usd", "US", "USDX", "ABC", "XXX", "XTS", "XAU", "EU1", "", " USD"})
    void rejectsUnknownCurrencies(String currency) {
        assertReason("1.00", currency, Reason.UNKNOWN_CURRENCY);
        assertThat(Money.isSupportedCurrency(currency)).isFalse();
    }

    @Test
    void rejectsANullCurrency() {
        assertReason("1.00", null, Reason.UNKNOWN_CURRENCY);
        assertThatThrownBy(() -> Money.formatMinor(1, null)).isInstanceOf(MoneyFormatException.class);
    }

    @Test
    void knowsTheExponentOfRealCurrencies() {
        assertThat(Money.fractionDigits("JPY")).isZero();
        assertThat(Money.fractionDigits("EUR")).isEqualTo(2);
        assertThat(Money.fractionDigits("USD")).isEqualTo(2);
        assertThat(Money.fractionDigits("KWD")).isEqualTo(3);
        assertThat(Money.isSupportedCurrency("GBP")).isTrue();
    }

    @Test
    void acceptsTheMaximumAndRejectsOneMinorUnitMore() {
        assertThat(Money.parseMinor("1000000.00", "USD", MAX)).isEqualTo(MAX);
        MoneyFormatException e = catchThrowableOfType(MoneyFormatException.class,
                () -> Money.parseMinor("1000000.01", "USD", MAX));
        assertThat(e.reason()).isEqualTo(Reason.ABOVE_MAXIMUM);
        assertThat(e).hasMessageContaining("above the maximum 1000000.00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"92233720368547758.08", "99999999999999999999", "123456789012345678901234567890.00",
            "9223372036854775808"})
    void amountsBeyondALongAreAboveTheMaximumNotAnOverflow(String decimal) {
        assertReason(decimal, "USD", Reason.ABOVE_MAXIMUM);
        assertThatThrownBy(() -> Money.parseMinor(decimal, "USD", Long.MAX_VALUE))
                .isInstanceOf(MoneyFormatException.class)
                .extracting(e -> ((MoneyFormatException) e).reason()).isEqualTo(Reason.ABOVE_MAXIMUM);
    }

    @Test
    void theLargestLongStillParsesWhenTheMaximumAllowsIt() {
        assertThat(Money.parseMinor("92233720368547758.07", "USD", Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aHugeStringIsRejectedQuicklyWithAShortMessage() {
        String huge = "9".repeat(1_000_000);
        MoneyFormatException e = catchThrowableOfType(MoneyFormatException.class,
                () -> Money.parseMinor(huge, "USD", MAX));
        assertThat(e.reason()).isEqualTo(Reason.ABOVE_MAXIMUM);
        assertThat(e.getMessage()).hasSizeLessThan(120);
    }

    @Test
    void rejectsANonPositiveMaximumAsAProgrammingError() {
        assertThatThrownBy(() -> Money.parseMinor("1", "USD", 0)).isInstanceOf(IllegalArgumentException.class)
                .isNotInstanceOf(MoneyFormatException.class);
    }

    private static void assertReason(String decimal, String currency, Reason reason) {
        MoneyFormatException e = catchThrowableOfType(MoneyFormatException.class,
                () -> Money.parseMinor(decimal, currency, MAX));
        assertThat(e).as("'%s' %s", decimal, currency).isNotNull();
        assertThat(e.reason()).as("'%s' %s: %s", decimal, currency, e.getMessage()).isEqualTo(reason);
    }
}
