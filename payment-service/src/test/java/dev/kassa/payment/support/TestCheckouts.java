package dev.kassa.payment.support;

import dev.kassa.payment.audit.AuditEntry;
import dev.kassa.payment.checkout.CheckoutCreation;
import dev.kassa.payment.checkout.Checkouts;
import dev.kassa.payment.checkout.NewCheckout;
import dev.kassa.payment.order.NewPaymentOrder;
import java.util.List;

/**
 * Checkouts inserted by the statement the checkout API uses, for the tests of what follows a checkout; the rules of
 * the API itself (validation, sellers, idempotent answers) are its own tests'.
 */
public final class TestCheckouts {

    private TestCheckouts() {
    }

    /** A new checkout of {@code merchantId} with {@code orders}; whatever already existed stays as it was. */
    public static CheckoutCreation.Created insert(Checkouts checkouts, String checkoutId, String merchantId,
                                                  String buyerUserId, String paymentMethodToken,
                                                  NewPaymentOrder... orders) {
        return insert(checkouts, new NewCheckout(checkoutId, merchantId, buyerUserId, "buyer@example.com", null,
                paymentMethodToken, "4242", List.of(orders), null, "0".repeat(64)));
    }

    public static CheckoutCreation.Created insert(Checkouts checkouts, NewCheckout checkout) {
        return checkouts.insertIfAbsent(checkout, audit(checkout)).orElseThrow(
                () -> new IllegalStateException("checkout " + checkout.checkoutId() + " existed"));
    }

    /** The audit row a test's checkout is created with. */
    public static AuditEntry audit(NewCheckout checkout) {
        return new AuditEntry("system:test", null, null, null, "CHECKOUT_CREATED", "checkout", checkout.checkoutId(),
                checkout.merchantId(), checkout.paymentOrders().size() + " payment order(s)");
    }
}
