package dev.kassa.reconciliation.support;

import dev.kassa.schemas.event.EntrySide;
import dev.kassa.schemas.event.JournalLine;
import dev.kassa.schemas.event.LedgerEntryKind;
import dev.kassa.schemas.event.LedgerTransactionRecorded;
import dev.kassa.schemas.event.PaymentOrderFailed;
import dev.kassa.schemas.event.PaymentOrderSucceeded;
import dev.kassa.schemas.event.WalletCredited;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One payment order of a test and the events the platform's services would publish about it. */
public record TestPayment(String orderId, String checkoutId, String seller, long amountMinor, String currency,
                          String pspReference, Instant at) {

    public static TestPayment of(String seller, long amountMinor, String currency, Instant at) {
        String id = UUID.randomUUID().toString();
        return new TestPayment("po-" + id, "co-" + id, seller, amountMinor, currency,
                "pi_" + id.replace("-", "").substring(0, 24), at);
    }

    public TestPayment withAmount(long amount) {
        return new TestPayment(orderId, checkoutId, seller, amount, currency, pspReference, at);
    }

    public PaymentOrderSucceeded succeeded() {
        return PaymentOrderSucceeded.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(at)
                .setPaymentOrderId(orderId).setCheckoutId(checkoutId).setSellerAccount(seller)
                .setAmountMinor(amountMinor).setCurrency(currency).setPspReference(pspReference)
                .build();
    }

    public PaymentOrderFailed failed(Instant when) {
        return PaymentOrderFailed.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(when)
                .setPaymentOrderId(orderId).setCheckoutId(checkoutId).setSellerAccount(seller)
                .setAmountMinor(amountMinor).setCurrency(currency).setPspReference(pspReference)
                .setFailureCode("card_declined").setFailureMessage("declined")
                .build();
    }

    public WalletCredited credited() {
        return credited(amountMinor);
    }

    public WalletCredited credited(long amount) {
        return WalletCredited.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(at.plusSeconds(1))
                .setPaymentOrderId(orderId).setCheckoutId(checkoutId).setSellerAccount(seller)
                .setAmountMinor(amount).setCurrency(currency)
                .setMovementId("mv-" + UUID.randomUUID()).setSourceEventId("src-" + orderId)
                .setBalanceAfterMinor(amount)
                .build();
    }

    public LedgerTransactionRecorded recorded() {
        return LedgerTransactionRecorded.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(at.plusSeconds(2))
                .setPaymentOrderId(orderId).setCheckoutId(checkoutId).setSellerAccount(seller)
                .setAmountMinor(amountMinor).setCurrency(currency)
                .setJournalEntryId("je-" + UUID.randomUUID()).setKind(LedgerEntryKind.PAYMENT).setRefundId(null)
                .setSourceEventId("src-" + orderId)
                .setLines(List.of(
                        line("psp_receivable", EntrySide.DEBIT, amountMinor),
                        line("seller_payable:" + seller, EntrySide.CREDIT, amountMinor)))
                .build();
    }

    JournalLine line(String account, EntrySide side, long amount) {
        return JournalLine.newBuilder().setAccount(account).setSide(side).setAmountMinor(amount).setCurrency(currency)
                .build();
    }
}
