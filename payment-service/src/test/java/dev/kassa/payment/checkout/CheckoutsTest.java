package dev.kassa.payment.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.payment.PaymentServiceTestBase;
import dev.kassa.payment.order.NewPaymentOrder;
import dev.kassa.payment.order.PaymentOrders;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link Checkouts} against the real database: idempotent insert, and the guarded completion and reopening. */
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
    void aCheckoutCompletesOnlyWhenEveryOrderIsDoneAndReopensOnlyWhenCompleted() {
        String checkoutId = id("chk");
        String succeeded = id("po");
        String failed = id("po");
        insert(checkoutId, "c".repeat(64));
        orders.insertIfAbsent(checkoutId, "m_1", List.of(new NewPaymentOrder(succeeded, "seller_1", 1000, "USD"),
                new NewPaymentOrder(failed, "seller_2", 500, "USD")));

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
        return checkouts.insertIfAbsent(checkoutId, "m_1", requestHash, "u_1", "buyer@example.com", null, "tok_visa", "4242", null);
    }

    /** As its callers do: within a transaction, which the lock of the checkout row lasts for. */
    private boolean completeIfDone(String checkoutId) {
        return Boolean.TRUE.equals(transactions.execute(status -> checkouts.completeIfDone(checkoutId)));
    }
}
