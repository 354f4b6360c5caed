package dev.kassa.web.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("fast")
class PanDetectorTest {

    @ParameterizedTest
    @ValueSource(strings = {"4242424242424242", "Ada 4242 4242 4242 4242", "4242-4242-4242-4242",
            "4242.4242.4242.4242", "4242/4242/4242/4242", "s4242424242424242", "378282246310005"})
    void findsACardNumberHoweverItIsGrouped(String text) {
        assertThat(PanDetector.containsPan(text)).isTrue();
        assertThat(PanDetector.mask(text)).contains("card-number-removed").doesNotContain("4242 4242");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4242424242424241", "2026-11-20", "order 1234567890", "+49 30 1234 5678",
            "4242  4242  4242  4242", "tok_visa", "999999.99"})
    void leavesOtherDigitsAlone(String text) {
        assertThat(PanDetector.containsPan(text)).isFalse();
        assertThat(PanDetector.mask(text)).isEqualTo(text);
    }
}
