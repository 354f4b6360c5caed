package dev.kassa.payment.refund;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.payment.PaymentServiceTestBase;
import dev.kassa.payment.checkout.Checkouts;
import dev.kassa.payment.order.NewPaymentOrder;
import dev.kassa.payment.support.TestCheckouts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link Refunds} against the real database: idempotent insert and guarded transitions that refuse when resolved. */
class RefundsTest extends PaymentServiceTestBase {

    @Autowired
    Refunds refunds;

    @Autowired
    Checkouts checkouts;

    @Test
    void aRefundIsInsertedOnceAndListedWithItsOrder() {
        String orderId = order();
        String first = id("re");
        String second = id("re");

        assertThat(refunds.insertIfAbsent(first, orderId, 300, "USD")).isTrue();
        assertThat(refunds.insertIfAbsent(first, orderId, 999, "USD")).isFalse();
        assertThat(refunds.insertIfAbsent(second, orderId, 200, "USD")).isTrue();

        Refund refund = refunds.findById(first).orElseThrow();
        assertThat(refund.paymentOrderId()).isEqualTo(orderId);
        assertThat(refund.amountMinor()).isEqualTo(300);
        assertThat(refund.currency()).isEqualTo("USD");
        assertThat(refund.status()).isEqualTo(RefundStatus.REQUESTED);
        assertThat(refund.attempt()).isEqualTo(1);
        assertThat(refund.idempotencyKey()).isEqualTo(first + ":1");
        assertThat(refund.createdAt()).isNotNull();
        assertThat(refunds.findByPaymentOrderIdOrderByCreatedAtAscRefundIdAsc(orderId))
                .extracting(Refund::refundId).containsExactlyInAnyOrder(first, second);
        assertThat(refunds.findById(id("re"))).isEmpty();
    }

    @Test
    void aPendingRefundSucceedsOnce() {
        String refundId = refund();

        assertThat(refunds.markPending(refundId, 2, "re_psp_" + refundId)).as("another attempt").isFalse();
        assertThat(refunds.markPending(refundId, 1, "re_psp_" + refundId)).isTrue();
        assertThat(refunds.markPending(refundId, 1, "re_psp_" + refundId)).as("already PENDING").isFalse();
        assertThat(refunds.findByPspRefundReference("re_psp_" + refundId)).isPresent();
        assertThat(refunds.findUnresolvedLongerThan(0, 10_000)).extracting(Refund::refundId).contains(refundId);

        Refund succeeded = refunds.markSucceeded(refundId, null).orElseThrow();
        assertThat(succeeded.status()).isEqualTo(RefundStatus.SUCCEEDED);
        assertThat(succeeded.pspRefundReference()).as("kept when the result names none").isEqualTo("re_psp_" + refundId);
        assertThat(refunds.markSucceeded(refundId, null)).as("a duplicate").isEmpty();
        assertThat(refunds.markFailed(refundId, null, "late", "late")).as("a late failure").isEmpty();
        assertThat(refunds.markPending(refundId, 1, "re_other")).isFalse();
        assertThat(refunds.findUnresolvedLongerThan(0, 10_000)).extracting(Refund::refundId).doesNotContain(refundId);
    }

    @Test
    void aRequestedRefundFailsOnceWithItsMessageCutToFit() {
        String refundId = refund();

        Refund failed = refunds.markFailed(refundId, "re_psp_" + refundId, "expired_card", "y".repeat(501))
                .orElseThrow();

        assertThat(failed.status()).isEqualTo(RefundStatus.FAILED);
        assertThat(failed.failureCode()).isEqualTo("expired_card");
        assertThat(failed.failureMessage()).hasSize(500).endsWith("y...");
        assertThat(refunds.markFailed(refundId, null, "again", null)).isEmpty();
        assertThat(refunds.markSucceeded(refundId, null)).as("a late success").isEmpty();
        assertThat(refunds.markPending(refundId, 1, "re_psp_" + refundId)).isFalse();
        assertThat(refunds.findById(refundId).orElseThrow().status()).isEqualTo(RefundStatus.FAILED);
    }

    private String refund() {
        String refundId = id("re");
        refunds.insertIfAbsent(refundId, order(), 100, "USD");
        return refundId;
    }

    private String order() {
        String checkoutId = id("chk");
        String orderId = id("po");
        TestCheckouts.insert(checkouts, checkoutId, "m_1", "u_1", "tok_visa",
                new NewPaymentOrder(orderId, "seller_1", 1000, "USD"));
        return orderId;
    }
}
