package dev.kassa.web.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("fast")
class KassaIdTest {

    record Sample(@KassaId String id, @NoCardNumber String text) {
    }

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "chk_1", "po-2026-11-20", "A_b-9"})
    void acceptsIdsOfTheRule(String id) {
        assertThat(VALIDATOR.validate(new Sample(id, null))).isEmpty();
        assertThat(KassaIds.isValid(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "chk 1", "chk/1", "u:1", "po#1", "é", "a\u0000b"})
    void refusesAnythingElseWithTheRule(String id) {
        assertThat(reasons(new Sample(id, null))).containsExactly(KassaIds.RULE);
        assertThat(KassaIds.isValid(id)).isFalse();
    }

    @Test
    void refusesA65CharacterId() {
        assertThat(reasons(new Sample("c".repeat(65), null))).containsExactly(KassaIds.RULE);
        assertThat(reasons(new Sample("c".repeat(64), null))).isEmpty();
    }

    @Test
    void saysWhyWhenTheIdIsACardNumber() {
        assertThat(reasons(new Sample("4242-4242-4242-4242", null))).containsExactly(KassaIds.CARD_NUMBER);
        assertThat(KassaIds.isValid("4242-4242-4242-4242")).isFalse();
    }

    @Test
    void nullIsLeftToNotNull() {
        assertThat(VALIDATOR.validate(new Sample(null, null))).isEmpty();
    }

    @Test
    void noCardNumberRefusesFreeTextWithACardNumber() {
        assertThat(reasons(new Sample(null, "Ada 4242 4242 4242 4242"))).containsExactly(KassaIds.CARD_NUMBER);
        assertThat(reasons(new Sample(null, "Ada Lovelace"))).isEmpty();
    }

    private static Set<String> reasons(Sample sample) {
        return VALIDATOR.validate(sample).stream().map(ConstraintViolation::getMessage)
                .collect(java.util.stream.Collectors.toSet());
    }
}
