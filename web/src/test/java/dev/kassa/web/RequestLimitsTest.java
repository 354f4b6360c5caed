package dev.kassa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("fast")
class RequestLimitsTest {

    @Test
    void anAbsentParameterTakesTheDefault() {
        assertThat(RequestLimits.within("limit", null, 50, 1, 200)).isEqualTo(50);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "200", "+7", "007"})
    void aWholeNumberWithinTheBoundsIsTaken(String value) {
        assertThat(RequestLimits.within("limit", value, 50, 1, 200)).isEqualTo(Integer.parseInt(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "201", "abc", "1.5", "99999999999", "", " 5"})
    void anythingElseIsA400NamingTheParameter(String value) {
        assertThatThrownBy(() -> RequestLimits.within("limit", value, 50, 1, 200))
                .isInstanceOfSatisfying(KassaProblem.class, problem -> {
                    assertThat(problem.getStatusCode().value()).isEqualTo(400);
                    assertThat(problem.errors()).containsExactly(
                            new FieldViolation("limit", "must be a whole number from 1 to 200"));
                });
    }
}
