package dev.kassa.ledger.support;

import dev.kassa.schemas.event.PaymentOrderFailed;
import dev.kassa.schemas.event.PaymentOrderSucceeded;
import dev.kassa.schemas.event.RefundFailed;
import dev.kassa.schemas.event.RefundSucceeded;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** payment.results records as payment-service writes them, each with a fresh event id. */
public final class TestEvents {

    private TestEvents() {
    }

    public static String newId(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    public static PaymentOrderSucceeded paymentSucceeded(String paymentOrderId, String seller, long amountMinor,
            String currency) {
        return PaymentOrderSucceeded.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(now())
                .setPaymentOrderId(paymentOrderId)
                .setCheckoutId("chk_" + paymentOrderId)
                .setSellerAccount(seller)
                .setAmountMinor(amountMinor)
                .setCurrency(currency)
                .setPspReference("pi_" + paymentOrderId)
                .build();
    }

    public static RefundSucceeded refundSucceeded(String paymentOrderId, String refundId, String seller,
            long amountMinor, String currency) {
        return RefundSucceeded.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(now())
                .setPaymentOrderId(paymentOrderId)
                .setCheckoutId("chk_" + paymentOrderId)
                .setSellerAccount(seller)
                .setAmountMinor(amountMinor)
                .setCurrency(currency)
                .setRefundId(refundId)
                .setPspReference("pi_" + paymentOrderId)
                .setPspRefundReference("re_" + refundId)
                .build();
    }

    public static PaymentOrderFailed paymentFailed(String paymentOrderId, String seller, long amountMinor,
            String currency) {
        return PaymentOrderFailed.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(now())
                .setPaymentOrderId(paymentOrderId)
                .setCheckoutId("chk_" + paymentOrderId)
                .setSellerAccount(seller)
                .setAmountMinor(amountMinor)
                .setCurrency(currency)
                .setFailureCode("card_declined")
                .build();
    }

    public static RefundFailed refundFailed(String paymentOrderId, String refundId, String seller, long amountMinor,
            String currency) {
        return RefundFailed.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(now())
                .setPaymentOrderId(paymentOrderId)
                .setCheckoutId("chk_" + paymentOrderId)
                .setSellerAccount(seller)
                .setAmountMinor(amountMinor)
                .setCurrency(currency)
                .setRefundId(refundId)
                .setPspReference("pi_" + paymentOrderId)
                .setFailureCode("charge_disputed")
                .build();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
