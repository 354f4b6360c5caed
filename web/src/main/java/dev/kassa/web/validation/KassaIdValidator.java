package dev.kassa.web.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link KassaId}; says "looks like a card number" rather than the character rule when that is why. */
public class KassaIdValidator implements ConstraintValidator<KassaId, String> {

    @Override
    public boolean isValid(String id, ConstraintValidatorContext context) {
        if (id == null) {
            return true;
        }
        String refusal = KassaIds.refusal(id);
        if (refusal == null) {
            return true;
        }
        if (refusal.equals(KassaIds.CARD_NUMBER)) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(KassaIds.CARD_NUMBER).addConstraintViolation();
        }
        return false;
    }
}
