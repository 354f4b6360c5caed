package dev.kassa.payment.api;

import dev.kassa.payment.PaymentProperties;
import dev.kassa.web.FieldViolation;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Optional;

/** Checks {@link ValidAmount} with the configured maximum per currency (Spring creates it with the properties). */
class ValidAmountValidator implements ConstraintValidator<ValidAmount, ValidAmount.Priced> {

    private final PaymentProperties properties;

    public ValidAmountValidator(PaymentProperties properties) {
        this.properties = properties;
    }

    @Override
    public boolean isValid(ValidAmount.Priced priced, ConstraintValidatorContext context) {
        if (priced == null) {
            return true;
        }
        Optional<FieldViolation> refusal = Amounts.refusal(priced.amount(), priced.currency(), properties);
        if (refusal.isEmpty()) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        // The reason is a literal, not a message template: it may quote the amount, which could hold '{' or '$'.
        context.buildConstraintViolationWithTemplate(escape(refusal.get().reason()))
                .addPropertyNode(refusal.get().field()).addConstraintViolation();
        return false;
    }

    private static String escape(String reason) {
        return reason.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
}
