package dev.kassa.web.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link NoCardNumber}. */
public class NoCardNumberValidator implements ConstraintValidator<NoCardNumber, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return !PanDetector.containsPan(value);
    }
}
