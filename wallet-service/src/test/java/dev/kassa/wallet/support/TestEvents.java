package dev.kassa.wallet.support;

import dev.kassa.schemas.event.PaymentOrderFailed;
import dev.kassa.schemas.event.PaymentOrderSucceeded;
import dev.kassa.schemas.event.RefundFailed;
import dev.kassa.schemas.event.RefundSucceeded;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** payment.results records as payment-service publishes them, with fresh ids. */
public final class TestEvents {

    private TestEvents() {
    }

    /** A seller account of the payment API's id form, unique to the calling test. */
    public static String seller(String label) {
        return "seller_" + label + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String id(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    public static PaymentOrderSucceeded succeeded(String seller, long amountMinor, String currency) {
        return succeeded(id("po"), seller, amountMinor, currency);
    }

    public static PaymentOrderSucceeded succeeded(String paymentOrderId, String seller, long amountMinor,
                                                  String currency) {
        return PaymentOrderSucceeded.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(now())
                .setPaymentOrderId(paymentOrderId)
                .setCheckoutId(id("chk"))
                .setSellerAccount(seller)
                .setAmountMinor(amountMinor)
                .setCurrency(currency)
                .setPspReference(id("pi"))
                .build();
    }

    /** A refund of (part of) the payment order of {@code payment}. */
    public static RefundSucceeded refunded(PaymentOrderSucceeded payment, long amountMinor) {
        return RefundSucceeded.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(now())
                .setPaymentOrderId(payment.getPaymentOrderId())
                .setCheckoutId(payment.getCheckoutId())
                .setSellerAccount(payment.getSellerAccount())
                .setAmountMinor(amountMinor)
                .setCurrency(payment.getCurrency())
                .setRefundId(id("rf"))
                .setPspReference(payment.getPspReference())
                .setPspRefundReference(id("re"))
                .build();
    }

    public static PaymentOrderFailed failed(String seller, long amountMinor, String currency) {
        return PaymentOrderFailed.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(now())
                .setPaymentOrderId(id("po"))
                .setCheckoutId(id("chk"))
                .setSellerAccount(seller)
                .setAmountMinor(amountMinor)
                .setCurrency(currency)
                .setFailureCode("card_declined")
                .build();
    }

    public static RefundFailed refundFailed(PaymentOrderSucceeded payment, long amountMinor) {
        return RefundFailed.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(now())
                .setPaymentOrderId(payment.getPaymentOrderId())
                .setCheckoutId(payment.getCheckoutId())
                .setSellerAccount(payment.getSellerAccount())
                .setAmountMinor(amountMinor)
                .setCurrency(payment.getCurrency())
                .setRefundId(id("rf"))
                .setPspReference(payment.getPspReference())
                .setFailureCode("refund_failed")
                .build();
    }

    /** Avro timestamp-millis: what a record carries after a round trip. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
