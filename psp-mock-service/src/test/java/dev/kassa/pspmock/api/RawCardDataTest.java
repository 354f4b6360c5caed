package dev.kassa.pspmock.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.web.validation.PanDetector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What this PSP refuses as raw card data in {@code payment_method}: the web module's detection, every separator. */
class RawCardDataTest {

    @ParameterizedTest
    @CsvSource({
            "4242424242424242, true",
            "4242 4242 4242 4242, true",
            "5555-5555-5555-4444, true",
            "4242.4242.4242.4242, true",
            "4242/4242/4242/4242, true",
            "4242424242424241, false",   // Luhn fails
            "424242424242, false",       // 12 digits
            "tok_visa, false",
            "42424242424242424242, false"})
    void recognisesRawCardNumbers(String value, boolean pan) {
        assertThat(PanDetector.containsPan(value)).isEqualTo(pan);
    }
}
