package dev.kassa.payment.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.payment.PaymentServiceTestBase;
import dev.kassa.payment.order.NewPaymentOrder;
import dev.kassa.payment.order.PaymentOrder;
import dev.kassa.payment.order.PaymentOrderStatus;
import dev.kassa.payment.order.PaymentOrders;
import dev.kassa.payment.support.TestCheckouts;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link Checkouts} against the real database: the idempotent insert of a checkout with its orders and audit row, and
 * the guarded completion and reopening.
 */
class CheckoutsTest extends PaymentServiceTestBase {

    @Autowired
    Checkouts checkouts;

    @Autowired
    PaymentOrders orders;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aCheckoutIsInsertedOnceAndReadBack() {
        String checkoutId = id("chk");

        Checkout inserted = insert(checkoutId, "a".repeat(64)).orElseThrow();
        assertThat(insert(checkoutId, "b".repeat(64))).isEmpty();

        Checkout checkout = checkouts.findById(checkoutId).orElseThrow();
        assertThat(inserted).isEqualTo(checkout);
        assertThat(checkout.requestHash()).isEqualTo("a".repeat(64));
        assertThat(checkout.buyerUserId()).isEqualTo("u_1");
        assertThat(checkout.buyerEmail()).isEqualTo("buyer@example.com");
        assertThat(checkout.buyerName()).isNull();
        assertThat(checkout.paymentMethodToken()).isEqualTo("tok_visa");
        assertThat(checkout.cardLast4()).isEqualTo("4242");
        assertThat(checkout.status()).isEqualTo(CheckoutStatus.PROCESSING);
        assertThat(checkout.createdAt()).isNotNull();
        assertThat(checkout.completedAt()).isNull();
        assertThat(checkouts.findById(id("chk"))).isEmpty();
    }

    @Test
    void ordersAreInsertedWithTheirCheckoutInItsOrderWithOneAuditRow() {
        String checkoutId = id("chk");
        String first = id("po");
        String second = id("po");

        CheckoutCreation.Created created = TestCheckouts.insert(checkouts, checkoutId, "m_1", "u_1", "tok_visa",
                new NewPaymentOrder(first, "seller_1", 2999, "USD"), new NewPaymentOrder(second, "seller_2", 100, "EUR"));

        assertThat(created.checkout().checkoutId()).isEqualTo(checkoutId);
        assertThat(created.orders()).extracting(PaymentOrder::paymentOrderId).containsExactly(first, second);
        assertThat(created.orders()).extracting(PaymentOrder::amountMinor).containsExactly(2999L, 100L);
        assertThat(created.orders()).isEqualTo(orders.findByCheckoutId(checkoutId));
        PaymentOrder order = orders.findById(first).orElseThrow();
        assertThat(order.checkoutId()).isEqualTo(checkoutId);
        assertThat(order.merchantId()).isEqualTo("m_1");
        assertThat(order.sellerAccount()).isEqualTo("seller_1");
        assertThat(order.currency()).isEqualTo("USD");
        assertThat(order.status()).isEqualTo(PaymentOrderStatus.NOT_STARTED);
        assertThat(order.attempt()).isEqualTo(1);
        assertThat(order.walletUpdated()).isFalse();
        assertThat(order.createdAt()).isNotNull();
        assertThat(auditRows(checkoutId)).containsExactly("CHECKOUT_CREATED checkout m_1 system:test 2 payment order(s)");
    }

    @Test
    void anExistingCheckoutWritesNothingAndAnOrderOfAnotherCheckoutIsNotTaken() {
        String checkoutId = id("chk");
        String taken = id("po");
        TestCheckouts.insert(checkouts, checkoutId, "m_1", "u_1", "tok_visa",
                new NewPaymentOrder(taken, "seller_1", 1000, "USD"));
        NewCheckout again = new NewCheckout(checkoutId, "m_1", "u_1", "buyer@example.com", null, "tok_visa", "4242",
                List.of(new NewPaymentOrder(id("po"), "seller_1", 1, "USD")), null, "0".repeat(64));

        assertThat(checkouts.insertIfAbsent(again, TestCheckouts.audit(again))).isEmpty();
        assertThat(orders.findByCheckoutId(checkoutId)).extracting(PaymentOrder::paymentOrderId).containsExactly(taken);
        assertThat(auditRows(checkoutId)).hasSize(1);

        String other = id("chk");
        String own = id("po");
        CheckoutCreation.Created partly = TestCheckouts.insert(checkouts, other, "m_1", "u_1", "tok_visa",
                new NewPaymentOrder(own, "seller_1", 1, "USD"), new NewPaymentOrder(taken, "seller_1", 1, "USD"));
        assertThat(partly.orders()).extracting(PaymentOrder::paymentOrderId).as("the caller refuses it").containsExactly(own);
        assertThat(orders.findIdsOwnedByOtherCheckouts(other, List.of(own, taken))).containsExactly(taken);
        assertThat(orders.findById(taken).orElseThrow().checkoutId()).isEqualTo(checkoutId);
    }

    @Test
    void aCheckoutCompletesOnlyWhenEveryOrderIsDoneAndReopensOnlyWhenCompleted() {
        String checkoutId = id("chk");
        String succeeded = id("po");
        String failed = id("po");
        TestCheckouts.insert(checkouts, checkoutId, "m_1", "u_1", "tok_visa",
                new NewPaymentOrder(succeeded, "seller_1", 1000, "USD"), new NewPaymentOrder(failed, "seller_2", 500, "USD"));

        assertThat(completeIfDone(checkoutId)).as("orders not started").isFalse();
        orders.startExecutions(List.of(succeeded, failed), List.of(1, 1));
        orders.markSucceeded(succeeded, 1, "pi_" + succeeded).orElseThrow();
        orders.markFailed(failed, 1, null, "card_declined", "declined").orElseThrow();
        assertThat(completeIfDone(checkoutId)).as("succeeded order not in wallet and ledger yet").isFalse();
        assertThat(checkouts.reopen(checkoutId)).as("a PROCESSING checkout is not reopened").isFalse();

        jdbc.sql("UPDATE payment_order SET wallet_updated = true, ledger_updated = true WHERE payment_order_id = ?")
                .param(succeeded).update();
        assertThat(completeIfDone(checkoutId)).isTrue();
        Checkout completed = checkouts.findById(checkoutId).orElseThrow();
        assertThat(completed.status()).isEqualTo(CheckoutStatus.COMPLETED);
        assertThat(completed.completedAt()).isNotNull();
        assertThat(completeIfDone(checkoutId)).as("already COMPLETED").isFalse();

        assertThat(checkouts.reopen(checkoutId)).isTrue();
        Checkout reopened = checkouts.findById(checkoutId).orElseThrow();
        assertThat(reopened.status()).isEqualTo(CheckoutStatus.PROCESSING);
        assertThat(reopened.completedAt()).isNull();
        assertThat(checkouts.reopen(checkoutId)).isFalse();
    }

    @Test
    void anUnknownCheckoutIsNeitherCompletedNorReopened() {
        String unknown = id("chk");
        assertThat(completeIfDone(unknown)).isFalse();
        assertThat(checkouts.reopen(unknown)).isFalse();
    }

    private Optional<Checkout> insert(String checkoutId, String requestHash) {
        NewCheckout checkout = new NewCheckout(checkoutId, "m_1", "u_1", "buyer@example.com", null, "tok_visa", "4242",
                List.of(), null, requestHash);
        return checkouts.insertIfAbsent(checkout, TestCheckouts.audit(checkout)).map(CheckoutCreation.Created::checkout);
    }

    private List<String> auditRows(String checkoutId) {
        return jdbc.sql("""
                        SELECT action || ' ' || target_type || ' ' || merchant_id || ' ' || actor || ' ' || detail
                        FROM audit_event WHERE target_id = ? ORDER BY id""")
                .param(checkoutId).query(String.class).list();
    }

    /** As its callers do: within a transaction, which the lock of the checkout row lasts for. */
    private boolean completeIfDone(String checkoutId) {
        return Boolean.TRUE.equals(transactions.execute(status -> checkouts.completeIfDone(checkoutId)));
    }
}
