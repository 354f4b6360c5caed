package dev.kassa.payment.observability;

import org.slf4j.MDC;

/**
 * Puts {@code checkout_id} and {@code payment_order_id} into the logging MDC for the extent of a
 * try-with-resources block, restoring what was there before (scopes nest: a checkout, then each order).
 */
public final class PaymentMdc implements AutoCloseable {

    public static final String CHECKOUT_ID = "checkout_id";
    public static final String PAYMENT_ORDER_ID = "payment_order_id";

    private final String previousCheckout;
    private final String previousOrder;

    private PaymentMdc(String checkoutId, String paymentOrderId) {
        previousCheckout = MDC.get(CHECKOUT_ID);
        previousOrder = MDC.get(PAYMENT_ORDER_ID);
        put(CHECKOUT_ID, checkoutId);
        put(PAYMENT_ORDER_ID, paymentOrderId);
    }

    /** Sets whichever ids are known (null leaves the current value). */
    public static PaymentMdc of(String checkoutId, String paymentOrderId) {
        return new PaymentMdc(checkoutId, paymentOrderId);
    }

    @Override
    public void close() {
        restore(CHECKOUT_ID, previousCheckout);
        restore(PAYMENT_ORDER_ID, previousOrder);
    }

    private static void put(String key, String value) {
        if (value != null) {
            MDC.put(key, value);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
