package dev.kassa.schemas.sample;

import dev.kassa.schemas.event.DiscrepancyFound;
import dev.kassa.schemas.event.DisputeFeeBearer;
import dev.kassa.schemas.event.DisputeFundsReinstated;
import dev.kassa.schemas.event.DisputeFundsWithdrawn;
import dev.kassa.schemas.event.EntrySide;
import dev.kassa.schemas.event.JournalLine;
import dev.kassa.schemas.event.LedgerEntryKind;
import dev.kassa.schemas.event.LedgerTransactionRecorded;
import dev.kassa.schemas.event.PaymentOrderExecutionRequested;
import dev.kassa.schemas.event.PaymentOrderFailed;
import dev.kassa.schemas.event.PaymentOrderSucceeded;
import dev.kassa.schemas.event.RefundExecutionRequested;
import dev.kassa.schemas.event.RefundFailed;
import dev.kassa.schemas.event.RefundSucceeded;
import dev.kassa.schemas.event.WalletCredited;
import dev.kassa.schemas.event.WalletDebited;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;

/**
 * One realistic record of every event type, for this module's serde tests (a round trip of every type, through a
 * real broker too). Each call builds a fresh record with a new {@code event_id}. Test code: it ships in no jar.
 * Other modules' tests build records with {@code dev.kassa.testfixtures.TestEvents} (module test-fixtures).
 */
public final class SampleEvents {

    /** Millisecond precision: occurred_at is timestamp-millis, so a round trip keeps exactly this. */
    private static final Instant OCCURRED_AT = Instant.parse("2026-03-14T09:26:53.589Z");

    private static final Map<Class<? extends SpecificRecord>, Supplier<SpecificRecord>> SAMPLES = samples();

    private SampleEvents() {
    }

    /** A fresh sample of every type that has one, in topic order. */
    public static List<SpecificRecord> all() {
        return SAMPLES.values().stream().map(Supplier::get).toList();
    }

    /** A fresh sample of one type. */
    public static <T extends SpecificRecord> T of(Class<T> type) {
        Supplier<SpecificRecord> supplier = SAMPLES.get(type);
        if (supplier == null) {
            throw new IllegalArgumentException("No sample for " + type.getName());
        }
        return type.cast(supplier.get());
    }

    private static Map<Class<? extends SpecificRecord>, Supplier<SpecificRecord>> samples() {
        Map<Class<? extends SpecificRecord>, Supplier<SpecificRecord>> m = new LinkedHashMap<>();
        m.put(PaymentOrderExecutionRequested.class, () -> PaymentOrderExecutionRequested.newBuilder()
                .setEventId(eventId()).setOccurredAt(OCCURRED_AT)
                .setPaymentOrderId("po_1").setCheckoutId("chk_1").setSellerAccount("seller_1")
                .setAmountMinor(2999).setCurrency("USD")
                .setAttempt(1).setPaymentMethodToken("tok_visa")
                .build());
        m.put(RefundExecutionRequested.class, () -> RefundExecutionRequested.newBuilder()
                .setEventId(eventId()).setOccurredAt(OCCURRED_AT)
                .setPaymentOrderId("po_1").setCheckoutId("chk_1").setSellerAccount("seller_1")
                .setAmountMinor(1000).setCurrency("USD")
                .setRefundId("rf_1").setPspReference("pi_3MtwBwLkdIwHu7ix28a3tqPa").setAttempt(1)
                .build());
        m.put(PaymentOrderSucceeded.class, () -> PaymentOrderSucceeded.newBuilder()
                .setEventId(eventId()).setOccurredAt(OCCURRED_AT)
                .setPaymentOrderId("po_1").setCheckoutId("chk_1").setSellerAccount("seller_1")
                .setAmountMinor(2999).setCurrency("USD")
                .setPspReference("pi_3MtwBwLkdIwHu7ix28a3tqPa").setMerchantId("mer_1")
                .build());
        m.put(PaymentOrderFailed.class, () -> PaymentOrderFailed.newBuilder()
                .setEventId(eventId()).setOccurredAt(OCCURRED_AT)
                .setPaymentOrderId("po_2").setCheckoutId("chk_1").setSellerAccount("seller_2")
                .setAmountMinor(150000).setCurrency("JPY")
                .setPspReference("pi_3MtwBwLkdIwHu7ix28a3tqPb")
                .setFailureCode("insufficient_funds").setFailureMessage("Your card has insufficient funds.")
                .build());
        m.put(RefundSucceeded.class, () -> RefundSucceeded.newBuilder()
                .setEventId(eventId()).setOccurredAt(OCCURRED_AT)
                .setPaymentOrderId("po_1").setCheckoutId("chk_1").setSellerAccount("seller_1")
                .setAmountMinor(1000).setCurrency("USD")
                .setRefundId("rf_1").setPspReference("pi_3MtwBwLkdIwHu7ix28a3tqPa")
                .setPspRefundReference("re_3MtwBwLkdIwHu7ix0hK7bq3D")
                .build());
        m.put(RefundFailed.class, () -> RefundFailed.newBuilder()
                .setEventId(eventId()).setOccurredAt(OCCURRED_AT)
                .setPaymentOrderId("po_3").setCheckoutId("chk_2").setSellerAccount("seller_3")
                .setAmountMinor(1500).setCurrency("KWD")
                .setRefundId("rf_2").setPspReference("pi_3MtwBwLkdIwHu7ix28a3tqPc")
                .setPspRefundReference(null)
                .setFailureCode("charge_already_refunded").setFailureMessage(null)
                .build());
        m.put(DisputeFundsWithdrawn.class, () -> DisputeFundsWithdrawn.newBuilder()
                .setEventId(eventId()).setOccurredAt(OCCURRED_AT)
                .setPaymentOrderId("po_1").setCheckoutId("chk_1").setSellerAccount("seller_1")
                .setAmountMinor(2999).setCurrency("USD")
                .setDisputeId("du_1MtJUT2eZvKYlo2CNaw2HvEv").setPspReference("pi_3MtwBwLkdIwHu7ix28a3tqPa")
                .setFeeMinor(1500).setFeeBearer(DisputeFeeBearer.PLATFORM)
                .build());
        m.put(DisputeFundsReinstated.class, () -> DisputeFundsReinstated.newBuilder()
                .setEventId(eventId()).setOccurredAt(OCCURRED_AT)
                .setPaymentOrderId("po_1").setCheckoutId("chk_1").setSellerAccount("seller_1")
                .setAmountMinor(2999).setCurrency("USD")
                .setDisputeId("du_1MtJUT2eZvKYlo2CNaw2HvEv").setPspReference("pi_3MtwBwLkdIwHu7ix28a3tqPa")
                .setFeeMinor(0).setFeeBearer(DisputeFeeBearer.SELLER)
                .build());
        m.put(WalletCredited.class, () -> WalletCredited.newBuilder()
                .setEventId(eventId()).setOccurredAt(OCCURRED_AT)
                .setPaymentOrderId("po_1").setCheckoutId("chk_1").setSellerAccount("seller_1")
                .setAmountMinor(2999).setCurrency("USD")
                .setMovementId("mv_1").setSourceEventId(eventId()).setBalanceAfterMinor(12999)
                .build());
        m.put(WalletDebited.class, () -> WalletDebited.newBuilder()
                .setEventId(eventId()).setOccurredAt(OCCURRED_AT)
                .setPaymentOrderId("po_1").setCheckoutId("chk_1").setSellerAccount("seller_1")
                .setAmountMinor(1000).setCurrency("USD")
                .setRefundId("rf_1")
                .setMovementId("mv_2").setSourceEventId(eventId()).setBalanceAfterMinor(-500)
                .build());
        m.put(LedgerTransactionRecorded.class, () -> LedgerTransactionRecorded.newBuilder()
                .setEventId(eventId()).setOccurredAt(OCCURRED_AT)
                .setPaymentOrderId("po_1").setCheckoutId("chk_1").setSellerAccount("seller_1")
                .setAmountMinor(2999).setCurrency("USD")
                .setJournalEntryId("je_1").setKind(LedgerEntryKind.PAYMENT).setRefundId(null)
                .setSourceEventId(eventId())
                .setLines(List.of(
                        line("psp_receivable", EntrySide.DEBIT, 2999, "USD"),
                        line("seller_payable:seller_1", EntrySide.CREDIT, 2999, "USD")))
                .build());
        m.put(DiscrepancyFound.class, () -> DiscrepancyFound.newBuilder()
                .setEventId(eventId()).setOccurredAt(OCCURRED_AT)
                .setReportDate("2026-03-13").setDiscrepancyType("AMOUNT_MISMATCH")
                .setPaymentOrderId("po_1").setPspReference("pi_3MtwBwLkdIwHu7ix28a3tqPa")
                .setSellerAccount(null).setCurrency("USD")
                .setExpected("2999").setActual("2990").setDetail("PSP settled 9 cents less than charged")
                .build());
        return m;
    }

    private static JournalLine line(String account, EntrySide side, long amountMinor, String currency) {
        return JournalLine.newBuilder()
                .setAccount(account).setSide(side).setAmountMinor(amountMinor).setCurrency(currency)
                .build();
    }

    private static String eventId() {
        return UUID.randomUUID().toString();
    }
}
