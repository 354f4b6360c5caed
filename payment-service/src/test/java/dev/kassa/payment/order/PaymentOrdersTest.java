package dev.kassa.payment.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.payment.PaymentServiceTestBase;
import dev.kassa.payment.checkout.Checkouts;
import dev.kassa.payment.support.TestCheckouts;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@link PaymentOrders} against the real database: every guarded transition applies once from the state it
 * allows and refuses from any other state or attempt; the transitions that answer the changed row work outside
 * a transaction too, as the executor calls some of them.
 */
class PaymentOrdersTest extends PaymentServiceTestBase {

    @Autowired
    PaymentOrders orders;

    @Autowired
    Checkouts checkouts;

    @Test
    void anOrderStartsExecutingOnlyFromNotStartedAndForItsAttempt() {
        String orderId = order(1000);

        assertThat(orders.startExecutions(List.of(orderId), List.of(2))).as("another attempt").isEmpty();
        assertThat(orders.startExecutions(List.of(orderId), List.of(1))).singleElement()
                .satisfies(o -> assertThat(o.status()).isEqualTo(PaymentOrderStatus.EXECUTING));
        assertThat(orders.startExecutions(List.of(orderId), List.of(1))).as("delivered again: still executing")
                .extracting(PaymentOrder::paymentOrderId).containsExactly(orderId);
        assertThat(orders.findExecutingLongerThan(0, 10_000)).extracting(PaymentOrder::paymentOrderId)
                .contains(orderId);
        assertThat(orders.findExecutingLongerThan(3600, 10_000)).extracting(PaymentOrder::paymentOrderId)
                .doesNotContain(orderId);

        orders.markFailed(orderId, 1, null, "card_declined", "declined").orElseThrow();
        assertThat(orders.startExecutions(List.of(orderId), List.of(1))).as("resolved").isEmpty();
    }

    @Test
    void theResultOfAnAttemptIsAppliedOnceAndOnlyWhileItExecutes() {
        String orderId = order(1000);
        assertThat(orders.markSucceeded(orderId, 1, "pi_1")).as("NOT_STARTED").isEmpty();
        assertThat(orders.recordPspReference(orderId, 1, "pi_1")).as("NOT_STARTED").isFalse();
        orders.startExecutions(List.of(orderId), List.of(1));

        assertThat(orders.recordPspReference(orderId, 2, "pi_1")).as("another attempt").isFalse();
        assertThat(orders.recordPspReference(orderId, 1, "pi_1")).isTrue();
        assertThat(orders.recordPspReference(orderId, 1, "pi_1")).as("the same reference again").isTrue();
        assertThat(orders.recordPspReference(orderId, 1, "pi_other")).as("another reference").isFalse();
        assertThat(orders.findByPspReference("pi_1")).isPresent();

        assertThat(orders.markSucceeded(orderId, 2, "pi_1")).as("another attempt").isEmpty();
        PaymentOrder succeeded = orders.markSucceeded(orderId, 1, "pi_1").orElseThrow();
        assertThat(succeeded.status()).isEqualTo(PaymentOrderStatus.SUCCEEDED);
        assertThat(succeeded.pspReference()).isEqualTo("pi_1");
        assertThat(succeeded.statusChangedAt()).isNotNull();
        assertThat(orders.markSucceeded(orderId, 1, "pi_1")).as("a duplicate").isEmpty();
        assertThat(orders.markFailed(orderId, 1, "pi_1", "card_declined", "late")).as("a late failure").isEmpty();
        assertThat(orders.startRetry(orderId)).as("only a FAILED order is retried").isEmpty();
        assertThat(orders.findById(orderId).orElseThrow().status()).isEqualTo(PaymentOrderStatus.SUCCEEDED);
    }

    @Test
    void oneStatementResolvesManyOrdersAndSkipsThoseNotExecutingTheAnsweredAttempt() {
        String charged = order(1000);
        String declined = order(2000);
        String otherAttempt = order(3000);
        String notStarted = order(4000);
        orders.startExecutions(List.of(charged, declined, otherAttempt), List.of(1, 1, 1));

        List<PaymentOrder> resolved = orders.resolveExecutions(ChangeCause.PSP_ANSWER, List.of(
                ExecutionResult.succeeded(charged, 1, "pi_" + charged),
                ExecutionResult.failed(declined, 1, "pi_" + declined, "card_declined", "Your card was declined."),
                ExecutionResult.succeeded(otherAttempt, 2, "pi_" + otherAttempt),
                ExecutionResult.succeeded(notStarted, 1, "pi_" + notStarted)));

        assertThat(resolved).extracting(PaymentOrder::paymentOrderId).containsExactlyInAnyOrder(charged, declined);
        PaymentOrder succeeded = orders.findById(charged).orElseThrow();
        assertThat(succeeded.status()).isEqualTo(PaymentOrderStatus.SUCCEEDED);
        assertThat(succeeded.pspReference()).isEqualTo("pi_" + charged);
        assertThat(succeeded.failureCode()).isNull();
        PaymentOrder failed = orders.findById(declined).orElseThrow();
        assertThat(failed.status()).isEqualTo(PaymentOrderStatus.FAILED);
        assertThat(failed.failureCode()).isEqualTo("card_declined");
        assertThat(failed.failureMessage()).isEqualTo("Your card was declined.");
        assertThat(orders.findById(otherAttempt).orElseThrow().status()).isEqualTo(PaymentOrderStatus.EXECUTING);
        assertThat(orders.findById(notStarted).orElseThrow().status()).isEqualTo(PaymentOrderStatus.NOT_STARTED);
        assertThat(orders.resolveExecutions(ChangeCause.PSP_ANSWER, List.of(ExecutionResult.failed(charged, 1, null, "late", null))))
                .as("answered again").isEmpty();
    }

    @Test
    void aFailedOrderIsRetriedWithTheNextAttempt() {
        String orderId = order(1000);
        orders.startExecutions(List.of(orderId), List.of(1));
        orders.recordPspReference(orderId, 1, "pi_" + orderId);

        PaymentOrder failed = orders.markFailed(orderId, 1, null, "card_declined", "x".repeat(600)).orElseThrow();
        assertThat(failed.status()).isEqualTo(PaymentOrderStatus.FAILED);
        assertThat(failed.pspReference()).as("kept when the failure names none").isEqualTo("pi_" + orderId);
        assertThat(failed.failureCode()).isEqualTo("card_declined");
        assertThat(failed.failureMessage()).hasSize(500).endsWith("x...");

        PaymentOrder retried = orders.startRetry(orderId).orElseThrow();
        assertThat(retried.status()).isEqualTo(PaymentOrderStatus.NOT_STARTED);
        assertThat(retried.attempt()).isEqualTo(2);
        assertThat(retried.pspReference()).isNull();
        assertThat(retried.failureCode()).isNull();
        assertThat(retried.failureMessage()).isNull();
        assertThat(orders.startRetry(orderId)).as("already retried").isEmpty();
        assertThat(orders.markFailed(orderId, 1, null, "late", null)).as("the superseded attempt").isEmpty();
    }

    @Test
    void refundsAreReservedWithinTheChargeOfASucceededOrderAndSettledFromTheReservation() {
        String orderId = order(1000);
        assertThat(orders.reserveRefund(orderId, 100)).as("not SUCCEEDED").isFalse();
        orders.startExecutions(List.of(orderId), List.of(1));
        orders.markSucceeded(orderId, 1, "pi_" + orderId).orElseThrow();

        assertThat(orders.reserveRefund(orderId, 1001)).as("more than the charge").isFalse();
        assertThat(orders.reserveRefund(orderId, 600)).isTrue();
        assertThat(orders.reserveRefund(orderId, 401)).as("more than the rest").isFalse();
        assertThat(orders.reserveRefund(orderId, 400)).isTrue();
        assertThat(orders.findById(orderId).orElseThrow().refundableMinor()).isZero();

        assertThat(orders.settleRefund(orderId, 600, true)).isTrue();
        assertThat(orders.settleRefund(orderId, 400, false)).isTrue();
        assertThat(orders.settleRefund(orderId, 1, true)).as("nothing reserved").isFalse();
        PaymentOrder settled = orders.findById(orderId).orElseThrow();
        assertThat(settled.refundedMinor()).isEqualTo(600);
        assertThat(settled.refundPendingMinor()).isZero();
        assertThat(settled.refundableMinor()).isEqualTo(400);
        assertThat(settled.displayStatus()).isEqualTo("PARTIALLY_REFUNDED");
    }

    @Test
    void ordersAreCountedByStatus() {
        order(1000);

        assertThat(orders.countByStatus()).containsOnlyKeys(PaymentOrderStatus.values())
                .hasEntrySatisfying(PaymentOrderStatus.NOT_STARTED, count -> assertThat(count).isPositive());
    }

    private String order(long amountMinor) {
        String orderId = id("po");
        TestCheckouts.insert(checkouts, id("chk"), "m_1", "u_1", "tok_visa",
                new NewPaymentOrder(orderId, "seller_1", amountMinor, "USD"));
        return orderId;
    }
}
