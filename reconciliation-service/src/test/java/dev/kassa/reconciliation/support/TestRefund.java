package dev.kassa.reconciliation.support;

import dev.kassa.schemas.event.EntrySide;
import dev.kassa.schemas.event.LedgerEntryKind;
import dev.kassa.schemas.event.LedgerTransactionRecorded;
import dev.kassa.schemas.event.RefundFailed;
import dev.kassa.schemas.event.RefundSucceeded;
import dev.kassa.schemas.event.WalletDebited;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A refund of a test payment and the events about it. */
public record TestRefund(TestPayment payment, String refundId, String pspRefundReference, long amountMinor, Instant at) {

    public static TestRefund of(TestPayment payment, long amountMinor, Instant at) {
        String id = UUID.randomUUID().toString();
        return new TestRefund(payment, "rf-" + id, "re_" + id.replace("-", "").substring(0, 24), amountMinor, at);
    }

    public RefundSucceeded succeeded() {
        return RefundSucceeded.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(at)
                .setPaymentOrderId(payment.orderId()).setCheckoutId(payment.checkoutId())
                .setSellerAccount(payment.seller()).setAmountMinor(amountMinor).setCurrency(payment.currency())
                .setRefundId(refundId).setPspReference(payment.pspReference()).setPspRefundReference(pspRefundReference)
                .build();
    }

    public RefundFailed failed() {
        return RefundFailed.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(at)
                .setPaymentOrderId(payment.orderId()).setCheckoutId(payment.checkoutId())
                .setSellerAccount(payment.seller()).setAmountMinor(amountMinor).setCurrency(payment.currency())
                .setRefundId(refundId).setPspReference(payment.pspReference()).setPspRefundReference(pspRefundReference)
                .setFailureCode("refund_failed")
                .build();
    }

    public WalletDebited debited() {
        return WalletDebited.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(at.plusSeconds(1))
                .setPaymentOrderId(payment.orderId()).setCheckoutId(payment.checkoutId())
                .setSellerAccount(payment.seller()).setAmountMinor(amountMinor).setCurrency(payment.currency())
                .setRefundId(refundId).setMovementId("mv-" + UUID.randomUUID()).setSourceEventId("src-" + refundId)
                .setBalanceAfterMinor(payment.amountMinor() - amountMinor)
                .build();
    }

    public LedgerTransactionRecorded recorded() {
        return LedgerTransactionRecorded.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(at.plusSeconds(2))
                .setPaymentOrderId(payment.orderId()).setCheckoutId(payment.checkoutId())
                .setSellerAccount(payment.seller()).setAmountMinor(amountMinor).setCurrency(payment.currency())
                .setJournalEntryId("je-" + UUID.randomUUID()).setKind(LedgerEntryKind.REFUND).setRefundId(refundId)
                .setSourceEventId("src-" + refundId)
                .setLines(List.of(
                        payment.line("seller_payable:" + payment.seller(), EntrySide.DEBIT, amountMinor),
                        payment.line("psp_receivable", EntrySide.CREDIT, amountMinor)))
                .build();
    }
}
