package dev.kassa.payment.events;

import dev.kassa.messaging.outbox.Outbox;
import dev.kassa.payment.order.PaymentOrder;
import dev.kassa.payment.refund.Refund;
import dev.kassa.schemas.Topics;
import dev.kassa.schemas.event.DisputeFeeBearer;
import dev.kassa.schemas.event.DisputeFundsReinstated;
import dev.kassa.schemas.event.DisputeFundsWithdrawn;
import dev.kassa.schemas.event.PaymentOrderExecutionRequested;
import dev.kassa.schemas.event.PaymentOrderFailed;
import dev.kassa.schemas.event.PaymentOrderSucceeded;
import dev.kassa.schemas.event.RefundExecutionRequested;
import dev.kassa.schemas.event.RefundFailed;
import dev.kassa.schemas.event.RefundSucceeded;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Builds payment-service's events and writes them to the outbox, in the caller's transaction (the
 * outbox refuses to write outside one). Every payment topic is keyed by the payment order id, so a
 * refund stays behind its payment on one partition.
 */
@Component
public class PaymentEvents {

    /** Placeholder the outbox replaces with the outbox row id before the record is serialized. */
    private static final String ASSIGNED_BY_OUTBOX = "";

    private final Outbox outbox;
    private final Clock clock;

    /**
     * What a dispute's money record says beyond its order: the dispute, the disputed charge's intent, the amount and
     * fee (withdrawn, or given back) and who bears the fee.
     */
    public record DisputeMoney(String disputeId, String pspReference, long amountMinor, String currency,
                               long feeMinor, DisputeFeeBearer feeBearer) {
    }

    public PaymentEvents(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Asks the executor to charge the order's current attempt. */
    public String executionRequested(PaymentOrder order, String paymentMethodToken) {
        return outbox.publish(Topics.PAYMENT_PSP_REQUESTS, order.paymentOrderId(),
                PaymentOrderExecutionRequested.newBuilder()
                        .setEventId(ASSIGNED_BY_OUTBOX)
                        .setOccurredAt(clock.instant())
                        .setPaymentOrderId(order.paymentOrderId())
                        .setCheckoutId(order.checkoutId())
                        .setSellerAccount(order.sellerAccount())
                        .setAmountMinor(order.amountMinor())
                        .setCurrency(order.currency())
                        .setAttempt(order.attempt())
                        .setPaymentMethodToken(paymentMethodToken)
                        .build());
    }

    public String succeeded(PaymentOrder order) {
        return outbox.publish(Topics.PAYMENT_RESULTS, order.paymentOrderId(),
                PaymentOrderSucceeded.newBuilder()
                        .setEventId(ASSIGNED_BY_OUTBOX)
                        .setOccurredAt(clock.instant())
                        .setPaymentOrderId(order.paymentOrderId())
                        .setCheckoutId(order.checkoutId())
                        .setSellerAccount(order.sellerAccount())
                        .setAmountMinor(order.amountMinor())
                        .setCurrency(order.currency())
                        .setPspReference(order.pspReference())
                        .setMerchantId(order.merchantId())
                        .build());
    }

    public String failed(PaymentOrder order) {
        return outbox.publish(Topics.PAYMENT_RESULTS, order.paymentOrderId(),
                PaymentOrderFailed.newBuilder()
                        .setEventId(ASSIGNED_BY_OUTBOX)
                        .setOccurredAt(clock.instant())
                        .setPaymentOrderId(order.paymentOrderId())
                        .setCheckoutId(order.checkoutId())
                        .setSellerAccount(order.sellerAccount())
                        .setAmountMinor(order.amountMinor())
                        .setCurrency(order.currency())
                        .setPspReference(order.pspReference())
                        .setFailureCode(order.failureCode())
                        .setFailureMessage(order.failureMessage())
                        .build());
    }

    public String refundRequested(Refund refund, PaymentOrder order) {
        return outbox.publish(Topics.PAYMENT_PSP_REQUESTS, order.paymentOrderId(),
                RefundExecutionRequested.newBuilder()
                        .setEventId(ASSIGNED_BY_OUTBOX)
                        .setOccurredAt(clock.instant())
                        .setPaymentOrderId(order.paymentOrderId())
                        .setCheckoutId(order.checkoutId())
                        .setSellerAccount(order.sellerAccount())
                        .setAmountMinor(refund.amountMinor())
                        .setCurrency(refund.currency())
                        .setRefundId(refund.refundId())
                        .setPspReference(order.pspReference())
                        .setAttempt(refund.attempt())
                        .build());
    }

    public String refundSucceeded(Refund refund, PaymentOrder order) {
        return outbox.publish(Topics.PAYMENT_RESULTS, order.paymentOrderId(),
                RefundSucceeded.newBuilder()
                        .setEventId(ASSIGNED_BY_OUTBOX)
                        .setOccurredAt(clock.instant())
                        .setPaymentOrderId(order.paymentOrderId())
                        .setCheckoutId(order.checkoutId())
                        .setSellerAccount(order.sellerAccount())
                        .setAmountMinor(refund.amountMinor())
                        .setCurrency(refund.currency())
                        .setRefundId(refund.refundId())
                        .setPspReference(order.pspReference())
                        .setPspRefundReference(refund.pspRefundReference())
                        .build());
    }

    public String refundFailed(Refund refund, PaymentOrder order) {
        return outbox.publish(Topics.PAYMENT_RESULTS, order.paymentOrderId(),
                RefundFailed.newBuilder()
                        .setEventId(ASSIGNED_BY_OUTBOX)
                        .setOccurredAt(clock.instant())
                        .setPaymentOrderId(order.paymentOrderId())
                        .setCheckoutId(order.checkoutId())
                        .setSellerAccount(order.sellerAccount())
                        .setAmountMinor(refund.amountMinor())
                        .setCurrency(refund.currency())
                        .setRefundId(refund.refundId())
                        .setPspReference(order.pspReference())
                        .setPspRefundReference(refund.pspRefundReference())
                        .setFailureCode(refund.failureCode())
                        .setFailureMessage(refund.failureMessage())
                        .build());
    }

    /** The PSP withdrew a disputed payment's funds and the dispute fee (docs/architecture.md §15). */
    public String disputeFundsWithdrawn(PaymentOrder order, DisputeMoney money) {
        return outbox.publish(Topics.PAYMENT_RESULTS, order.paymentOrderId(),
                DisputeFundsWithdrawn.newBuilder()
                        .setEventId(ASSIGNED_BY_OUTBOX)
                        .setOccurredAt(clock.instant())
                        .setPaymentOrderId(order.paymentOrderId())
                        .setCheckoutId(order.checkoutId())
                        .setSellerAccount(order.sellerAccount())
                        .setAmountMinor(money.amountMinor())
                        .setCurrency(money.currency())
                        .setDisputeId(money.disputeId())
                        .setPspReference(money.pspReference())
                        .setFeeMinor(money.feeMinor())
                        .setFeeBearer(money.feeBearer())
                        .build());
    }

    /** The PSP gave a won dispute's funds back, and {@code feeMinor} of its fee. */
    public String disputeFundsReinstated(PaymentOrder order, DisputeMoney money) {
        return outbox.publish(Topics.PAYMENT_RESULTS, order.paymentOrderId(),
                DisputeFundsReinstated.newBuilder()
                        .setEventId(ASSIGNED_BY_OUTBOX)
                        .setOccurredAt(clock.instant())
                        .setPaymentOrderId(order.paymentOrderId())
                        .setCheckoutId(order.checkoutId())
                        .setSellerAccount(order.sellerAccount())
                        .setAmountMinor(money.amountMinor())
                        .setCurrency(money.currency())
                        .setDisputeId(money.disputeId())
                        .setPspReference(money.pspReference())
                        .setFeeMinor(money.feeMinor())
                        .setFeeBearer(money.feeBearer())
                        .build());
    }
}
