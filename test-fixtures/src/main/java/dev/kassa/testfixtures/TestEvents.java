package dev.kassa.testfixtures;

import dev.kassa.schemas.event.DisputeFeeBearer;
import dev.kassa.schemas.event.DisputeFundsReinstated;
import dev.kassa.schemas.event.DisputeFundsWithdrawn;
import dev.kassa.schemas.event.PaymentOrderExecutionRequested;
import dev.kassa.schemas.event.PaymentOrderFailed;
import dev.kassa.schemas.event.PaymentOrderSucceeded;
import dev.kassa.schemas.event.RefundFailed;
import dev.kassa.schemas.event.RefundSucceeded;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Records as payment-service writes them, each with a fresh {@code event_id}. The ids an order's records share
 * are derived from its payment order id: checkout {@code chk_<order>}, PSP reference {@code pi_<order>}, PSP
 * refund reference {@code re_<refund>}, so a refund always carries its payment's checkout and reference.
 */
public final class TestEvents {

    private TestEvents() {
    }

    /** A fresh id of the payment API's form: {@code <prefix>_} and 20 random letters (a-p). */
    public static String id(String prefix) {
        // Hex digits 0-9 as the letters g-p: twenty random characters with no digit at all, so an id can never hold a
        // run of digits that the card-number check refuses (a Luhn-valid run of 13+ digits made a test fail once).
        String hex = UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        StringBuilder id = new StringBuilder(prefix).append('_');
        for (char c : hex.toCharArray()) {
            id.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : c);
        }
        return id.toString();
    }

    /** A seller account of the payment API's id form, unique to the calling test. */
    public static String seller(String label) {
        return "seller_" + label + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** What the checkout writes to {@code payment.psp-requests}: the first attempt, with a card that succeeds. */
    public static PaymentOrderExecutionRequested executionRequested(String paymentOrderId, String seller,
            long amountMinor, String currency) {
        return PaymentOrderExecutionRequested.newBuilder()
                .setEventId(eventId())
                .setOccurredAt(now())
                .setPaymentOrderId(paymentOrderId)
                .setCheckoutId(checkoutOf(paymentOrderId))
                .setSellerAccount(seller)
                .setAmountMinor(amountMinor)
                .setCurrency(currency)
                .setAttempt(1)
                .setPaymentMethodToken("tok_visa")
                .build();
    }

    /** A succeeded payment of a new payment order. */
    public static PaymentOrderSucceeded paymentSucceeded(String seller, long amountMinor, String currency) {
        return paymentSucceeded(id("po"), seller, amountMinor, currency);
    }

    public static PaymentOrderSucceeded paymentSucceeded(String paymentOrderId, String seller, long amountMinor,
            String currency) {
        return PaymentOrderSucceeded.newBuilder()
                .setEventId(eventId())
                .setOccurredAt(now())
                .setPaymentOrderId(paymentOrderId)
                .setCheckoutId(checkoutOf(paymentOrderId))
                .setSellerAccount(seller)
                .setAmountMinor(amountMinor)
                .setCurrency(currency)
                .setPspReference(pspReferenceOf(paymentOrderId))
                .build();
    }

    /** A succeeded payment of a new payment order of {@code merchantId}'s checkout (schema v2 and later). */
    public static PaymentOrderSucceeded merchantPaymentSucceeded(String merchantId, String seller, long amountMinor,
            String currency) {
        return PaymentOrderSucceeded.newBuilder(paymentSucceeded(seller, amountMinor, currency))
                .setMerchantId(merchantId).build();
    }

    /** A declined payment of a new payment order. */
    public static PaymentOrderFailed paymentFailed(String seller, long amountMinor, String currency) {
        return paymentFailed(id("po"), seller, amountMinor, currency);
    }

    public static PaymentOrderFailed paymentFailed(String paymentOrderId, String seller, long amountMinor,
            String currency) {
        return PaymentOrderFailed.newBuilder()
                .setEventId(eventId())
                .setOccurredAt(now())
                .setPaymentOrderId(paymentOrderId)
                .setCheckoutId(checkoutOf(paymentOrderId))
                .setSellerAccount(seller)
                .setAmountMinor(amountMinor)
                .setCurrency(currency)
                .setFailureCode("card_declined")
                .build();
    }

    /** A new refund of (part of) {@code payment}. */
    public static RefundSucceeded refundSucceeded(PaymentOrderSucceeded payment, long amountMinor) {
        return refundSucceeded(payment.getPaymentOrderId(), id("rf"), payment.getSellerAccount(), amountMinor,
                payment.getCurrency());
    }

    public static RefundSucceeded refundSucceeded(String paymentOrderId, String refundId, String seller,
            long amountMinor, String currency) {
        return RefundSucceeded.newBuilder()
                .setEventId(eventId())
                .setOccurredAt(now())
                .setPaymentOrderId(paymentOrderId)
                .setCheckoutId(checkoutOf(paymentOrderId))
                .setSellerAccount(seller)
                .setAmountMinor(amountMinor)
                .setCurrency(currency)
                .setRefundId(refundId)
                .setPspReference(pspReferenceOf(paymentOrderId))
                .setPspRefundReference("re_" + refundId)
                .build();
    }

    /** A new refund of (part of) {@code payment} that the PSP refused. */
    public static RefundFailed refundFailed(PaymentOrderSucceeded payment, long amountMinor) {
        return refundFailed(payment.getPaymentOrderId(), id("rf"), payment.getSellerAccount(), amountMinor,
                payment.getCurrency());
    }

    public static RefundFailed refundFailed(String paymentOrderId, String refundId, String seller, long amountMinor,
            String currency) {
        return RefundFailed.newBuilder()
                .setEventId(eventId())
                .setOccurredAt(now())
                .setPaymentOrderId(paymentOrderId)
                .setCheckoutId(checkoutOf(paymentOrderId))
                .setSellerAccount(seller)
                .setAmountMinor(amountMinor)
                .setCurrency(currency)
                .setRefundId(refundId)
                .setPspReference(pspReferenceOf(paymentOrderId))
                .setFailureCode("charge_disputed")
                .build();
    }

    /**
     * The PSP withdrew {@code payment}'s whole amount for a new dispute ({@code du_...}), with {@code feeMinor} borne
     * by {@code bearer}.
     */
    public static DisputeFundsWithdrawn disputeFundsWithdrawn(PaymentOrderSucceeded payment, long feeMinor,
            DisputeFeeBearer bearer) {
        return DisputeFundsWithdrawn.newBuilder()
                .setEventId(eventId())
                .setOccurredAt(now())
                .setPaymentOrderId(payment.getPaymentOrderId())
                .setCheckoutId(payment.getCheckoutId())
                .setSellerAccount(payment.getSellerAccount())
                .setAmountMinor(payment.getAmountMinor())
                .setCurrency(payment.getCurrency())
                .setDisputeId(id("du"))
                .setPspReference(payment.getPspReference())
                .setFeeMinor(feeMinor)
                .setFeeBearer(bearer)
                .build();
    }

    /** The PSP gave the withdrawn funds of a won dispute back, and {@code feeReturnedMinor} of its fee. */
    public static DisputeFundsReinstated disputeFundsReinstated(DisputeFundsWithdrawn withdrawn,
            long feeReturnedMinor) {
        return DisputeFundsReinstated.newBuilder()
                .setEventId(eventId())
                .setOccurredAt(now())
                .setPaymentOrderId(withdrawn.getPaymentOrderId())
                .setCheckoutId(withdrawn.getCheckoutId())
                .setSellerAccount(withdrawn.getSellerAccount())
                .setAmountMinor(withdrawn.getAmountMinor())
                .setCurrency(withdrawn.getCurrency())
                .setDisputeId(withdrawn.getDisputeId())
                .setPspReference(withdrawn.getPspReference())
                .setFeeMinor(feeReturnedMinor)
                .setFeeBearer(withdrawn.getFeeBearer())
                .build();
    }

    private static String checkoutOf(String paymentOrderId) {
        return "chk_" + paymentOrderId;
    }

    private static String pspReferenceOf(String paymentOrderId) {
        return "pi_" + paymentOrderId;
    }

    private static String eventId() {
        return UUID.randomUUID().toString();
    }

    /** Avro timestamp-millis: what a record carries after a round trip. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
