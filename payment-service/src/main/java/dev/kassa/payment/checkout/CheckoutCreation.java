package dev.kassa.payment.checkout;

import dev.kassa.payment.audit.AuditEntry;
import dev.kassa.payment.order.PaymentOrder;
import java.util.List;
import java.util.Optional;

/** The statement of {@link Checkouts} that creates a checkout with its orders and its audit row. */
public interface CheckoutCreation {

    /** A checkout as inserted, and those of its orders that were inserted, in the checkout's order. */
    record Created(Checkout checkout, List<PaymentOrder> orders) {
    }

    /**
     * Inserts the checkout unless its id exists, its orders ({@code NOT_STARTED}) unless their ids exist, and
     * {@code audit}, in ONE statement: a checkout costs one round trip to the database before its commit, besides
     * its outbox rows. Empty when the checkout id existed (then nothing is written); fewer orders than asked when an
     * order id belongs to another checkout (the caller then refuses the checkout, rolling back the rest). Concurrent
     * identical requests serialize on the primary key: the losers wait for the winner's commit and insert nothing.
     */
    Optional<Created> insertIfAbsent(NewCheckout checkout, AuditEntry audit);
}
