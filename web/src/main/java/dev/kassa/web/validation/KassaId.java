package dev.kassa.web.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The id rule ({@link KassaIds}): 1–64 characters of {@code [A-Za-z0-9_-]}, not a card number. {@code null}
 * is valid, as for every Bean Validation constraint: add {@code @NotNull} where the id is required.
 */
@Documented
@Constraint(validatedBy = KassaIdValidator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface KassaId {

    String message() default KassaIds.RULE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
