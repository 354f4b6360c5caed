package dev.kassa.payment.checkout;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** No payment order id appears twice in one checkout; the second occurrence is the field at fault. */
@Documented
@Constraint(validatedBy = DistinctPaymentOrderIds.Validator.class)
@Target(TYPE)
@Retention(RUNTIME)
@interface DistinctPaymentOrderIds {

    String message() default "appears more than once in this checkout";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<DistinctPaymentOrderIds, CheckoutRequest> {

        @Override
        public boolean isValid(CheckoutRequest request, ConstraintValidatorContext context) {
            List<CheckoutRequest.PaymentOrderRequest> orders = request == null ? null : request.paymentOrders();
            if (orders == null) {
                return true;
            }
            Set<String> seen = new HashSet<>();
            boolean valid = true;
            for (int i = 0; i < orders.size(); i++) {
                String id = orders.get(i) == null ? null : orders.get(i).paymentOrderId();
                if (id != null && !seen.add(id)) {
                    valid = false;
                    context.disableDefaultConstraintViolation();
                    context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                            .addPropertyNode("paymentOrders")
                            .addPropertyNode("paymentOrderId").inIterable().atIndex(i)
                            .addConstraintViolation();
                }
            }
            return valid;
        }
    }
}
