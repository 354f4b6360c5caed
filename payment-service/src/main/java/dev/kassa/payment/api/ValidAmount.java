package dev.kassa.payment.api;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * On a request type with {@code amount()} and {@code currency()} ({@link Priced}): the amount follows
 * {@link Amounts}' rule in that currency. A class-level constraint because the rule needs both fields; the
 * violation names the field at fault.
 */
@Documented
@Constraint(validatedBy = ValidAmountValidator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface ValidAmount {

    String message() default "is not a valid amount";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** A request that states an amount and its currency. */
    interface Priced {

        String amount();

        String currency();
    }
}
