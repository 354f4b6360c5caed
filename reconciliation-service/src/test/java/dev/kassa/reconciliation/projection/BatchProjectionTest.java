package dev.kassa.reconciliation.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.messaging.consumer.EventConsumer;
import dev.kassa.messaging.consumer.EventConsumerRegistrar;
import dev.kassa.reconciliation.support.ReconciliationTestBase;
import dev.kassa.reconciliation.support.TestPayment;
import dev.kassa.schemas.event.DisputeFeeBearer;
import dev.kassa.schemas.event.DisputeFundsReinstated;
import dev.kassa.schemas.event.DisputeFundsWithdrawn;
import dev.kassa.schemas.event.EntrySide;
import dev.kassa.schemas.event.JournalLine;
import dev.kassa.schemas.event.LedgerEntryKind;
import dev.kassa.schemas.event.LedgerTransactionRecorded;
import dev.kassa.schemas.event.PaymentOrderFailed;
import dev.kassa.schemas.event.PaymentOrderSucceeded;
import dev.kassa.schemas.event.RefundFailed;
import dev.kassa.schemas.event.RefundSucceeded;
import dev.kassa.schemas.event.WalletCredited;
import dev.kassa.schemas.event.WalletDebited;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The projection consumed in batches, through the real broker: the records of a test are written while the
 * main-topic consumer of its three topics is stopped, so that it reads them in one poll (or a few). Which transaction and
 * which statement wrote a row is read from its system columns {@code xmin} and {@code cmin}.
 */
@ExtendWith(OutputCaptureExtension.class)
class BatchProjectionTest extends ReconciliationTestBase {

    private static final Instant T = Instant.parse("2025-07-01T10:00:00Z");
    /** What the messaging library logs when a batch's transaction fails and its events are applied one by one. */
    private static final String ROLLED_BACK = "failed and rolled back";

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    List<EventConsumer> consumers;

    @Autowired
    EventConsumerRegistrar registrar;

    @Test
    void aBurstOfEventsIsAppliedInFarFewerTransactionsThanEvents(CapturedOutput output) {
        String seller = seller();
        List<TestPayment> payments = Stream.generate(() -> TestPayment.of(seller, 1_000, "EUR", T)).limit(60).toList();
        List<SpecificRecord> records = payments.stream()
                .flatMap(p -> Stream.<SpecificRecord>of(p.succeeded(), p.credited(), p.recorded())).toList();

        inFewPolls(records);

        // one text parameter that SQL splits: JdbcClient would expand an array parameter into a list
        String orders = String.join(",", payments.stream().map(TestPayment::orderId).toList());
        List<Map<String, Object>> rows = jdbc.sql("""
                        SELECT 'payment' AS t, xmin::text AS tx, cmin::text AS command FROM platform_payment WHERE payment_order_id = ANY (string_to_array(:orders, ','))
                        UNION ALL
                        SELECT 'movement', xmin::text, cmin::text FROM wallet_movement WHERE payment_order_id = ANY (string_to_array(:orders, ','))
                        UNION ALL
                        SELECT 'entry', xmin::text, cmin::text FROM ledger_entry WHERE payment_order_id = ANY (string_to_array(:orders, ','))""")
                .param("orders", orders).query().listOfRows();
        assertThat(rows).hasSize(records.size());
        long transactions = rows.stream().map(r -> r.get("tx")).distinct().count();
        long statements = rows.stream().map(r -> r.get("t") + " " + r.get("tx") + " " + r.get("command")).distinct().count();
        // one transaction per poll, not per event; per poll one statement per table
        assertThat(transactions).as("transactions for %d events", records.size()).isLessThan(records.size() / 10);
        assertThat(statements).as("statements per table and transaction").isEqualTo(
                rows.stream().map(r -> r.get("t") + " " + r.get("tx")).distinct().count());
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM ledger_line l JOIN ledger_entry e USING (journal_entry_id)
                         WHERE e.payment_order_id = ANY (string_to_array(:orders, ',')) AND (l.xmin::text, l.cmin::text) <> (e.xmin::text, e.cmin::text)""")
                .param("orders", orders).query(Long.class).single()).as("lines written with their entries").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_line l JOIN ledger_entry e USING (journal_entry_id) "
                        + "WHERE e.payment_order_id = ANY (string_to_array(:orders, ','))")
                .param("orders", orders).query(Long.class).single()).isEqualTo(2L * payments.size());
        assertThat(output.getOut()).as("no batch fell back to one event per transaction").doesNotContain(ROLLED_BACK);
    }

    @Test
    void aPollGivesTheSameProjectionAsOneEventPerTransaction(CapturedOutput output) {
        Scenario inOnePoll = new Scenario("b" + UUID.randomUUID().toString().substring(0, 8));
        Scenario oneByOne = new Scenario("s" + UUID.randomUUID().toString().substring(0, 8));

        inFewPolls(inOnePoll.records());
        for (SpecificRecord record : oneByOne.records()) {
            publishAndAwait(record);
        }

        // the batch path itself, not its fallback (a failed batch is applied again one event per transaction)
        assertThat(output.getOut()).doesNotContain(ROLLED_BACK);
        assertThat(jdbc.sql("""
                        SELECT count(DISTINCT xmin::text) FROM (
                            SELECT xmin FROM platform_payment WHERE payment_order_id LIKE :like
                            UNION ALL SELECT xmin FROM platform_refund WHERE refund_id LIKE :like
                            UNION ALL SELECT xmin FROM platform_dispute WHERE dispute_id LIKE :like
                            UNION ALL SELECT xmin FROM wallet_movement WHERE movement_id LIKE :like
                            UNION ALL SELECT xmin FROM ledger_entry WHERE journal_entry_id LIKE :like) rows""")
                .param("like", "%-" + inOnePoll.prefix() + "-%").query(Long.class).single())
                .as("transactions that wrote the scenario's final rows").isLessThan(10);

        List<String> projected = projectionOf(inOnePoll);
        assertThat(projected).isEqualTo(projectionOf(oneByOne));
        // what the scenario is there for: the rules held
        assertThat(projected.stream().map(row -> row.substring(0, row.indexOf(" | ")))).containsExactly(
                "payment po-P-a SUCCEEDED 1000 pi_P_a failed=null code=null",
                "payment po-P-b SUCCEEDED 2000 pi_P_b2 failed=2025-07-01T09:30:00Z code=do_not_honor",
                "payment po-P-c FAILED 3000 null failed=2025-07-01T08:00:00Z code=card_declined",
                "payment po-P-d FAILED 4000 pi_P_d failed=2025-07-01T09:00:00Z code=later",
                "refund rf-P-1 SUCCEEDED 100 re_P_1 failed=2025-07-01T12:00:00Z code=refund_failed",
                "refund rf-P-2 SUCCEEDED 200 re_P_2 failed=null code=null",
                "refund rf-P-3 FAILED 300 re_P_3 failed=2025-07-01T12:10:00Z code=second",
                "dispute dp-P-1 po-P-a PLATFORM withdrawn=900 fee=1500 at=2025-07-01T13:00:00Z"
                        + " reinstated=900 fee=0 at=2025-07-01T14:00:00Z",
                "dispute dp-P-2 po-P-b SELLER withdrawn=2000 fee=1500 at=2025-07-01T14:30:00Z"
                        + " reinstated=2000 fee=1500 at=2025-07-01T15:00:00Z",
                "movement mv-P-1 CREDIT po-P-a 1000", "movement mv-P-2 CREDIT po-P-b 2000",
                "movement mv-P-3 CREDIT po-P-b 2000", "movement mv-P-4 DEBIT po-P-a 100",
                "movement mv-P-5 DEBIT po-P-a 900", "movement mv-P-6 CREDIT po-P-a 900",
                "entry je-P-1 PAYMENT po-P-a 1000 lines=2", "entry je-P-2 PAYMENT po-P-b 2000 lines=2",
                "entry je-P-3 REFUND po-P-a 100 lines=2", "entry je-P-4 DISPUTE_FUNDS_WITHDRAWN po-P-a 900 lines=3");
    }

    /** The projection rows of a scenario, its prefix replaced by {@code P} (updated_at, a wall-clock time, left out). */
    private List<String> projectionOf(Scenario scenario) {
        String like = "%-" + scenario.prefix + "-%";
        List<String> rows = new ArrayList<>();
        rows.addAll(jdbc.sql("""
                        SELECT 'payment ' || payment_order_id || ' ' || status || ' ' || amount_minor || ' ' || coalesce(psp_reference, 'null')
                               || ' failed=' || coalesce(to_char(failed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'null')
                               || ' code=' || coalesce(failure_code, 'null')
                               || ' | ' || checkout_id || ' ' || seller_account || ' ' || currency || ' ' || coalesce(succeeded_at::text, 'null')
                          FROM platform_payment WHERE payment_order_id LIKE :like ORDER BY payment_order_id""")
                .param("like", like).query(String.class).list());
        rows.addAll(jdbc.sql("""
                        SELECT 'refund ' || refund_id || ' ' || status || ' ' || amount_minor || ' ' || coalesce(psp_refund_reference, 'null')
                               || ' failed=' || coalesce(to_char(failed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'null')
                               || ' code=' || coalesce(failure_code, 'null')
                               || ' | ' || payment_order_id || ' ' || checkout_id || ' ' || seller_account || ' ' || currency || ' '
                               || coalesce(psp_reference, 'null') || ' ' || coalesce(succeeded_at::text, 'null')
                          FROM platform_refund WHERE refund_id LIKE :like ORDER BY refund_id""")
                .param("like", like).query(String.class).list());
        rows.addAll(jdbc.sql("""
                        SELECT 'dispute ' || dispute_id || ' ' || payment_order_id || ' ' || fee_bearer
                               || ' withdrawn=' || coalesce(withdrawn_minor::text, 'null') || ' fee=' || coalesce(withdrawn_fee_minor::text, 'null')
                               || ' at=' || coalesce(to_char(withdrawn_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'null')
                               || ' reinstated=' || coalesce(reinstated_minor::text, 'null') || ' fee=' || coalesce(reinstated_fee_minor::text, 'null')
                               || ' at=' || coalesce(to_char(reinstated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'null')
                               || ' | ' || checkout_id || ' ' || seller_account || ' ' || currency || ' ' || psp_reference
                          FROM platform_dispute WHERE dispute_id LIKE :like ORDER BY dispute_id""")
                .param("like", like).query(String.class).list());
        rows.addAll(jdbc.sql("""
                        SELECT 'movement ' || movement_id || ' ' || kind || ' ' || payment_order_id || ' ' || amount_minor
                               || ' | ' || coalesce(refund_id, 'null') || ' ' || coalesce(dispute_id, 'null') || ' '
                               || seller_account || ' ' || currency || ' ' || balance_after_minor || ' ' || source_event_id || ' ' || occurred_at::text
                          FROM wallet_movement WHERE movement_id LIKE :like ORDER BY movement_id""")
                .param("like", like).query(String.class).list());
        rows.addAll(jdbc.sql("""
                        SELECT 'entry ' || e.journal_entry_id || ' ' || e.kind || ' ' || e.payment_order_id || ' ' || e.amount_minor
                               || ' lines=' || (SELECT count(*) FROM ledger_line l WHERE l.journal_entry_id = e.journal_entry_id)
                               || ' | ' || coalesce(e.refund_id, 'null') || ' ' || coalesce(e.dispute_id, 'null') || ' ' || e.seller_account || ' ' || e.currency || ' '
                               || e.source_event_id || ' ' || e.occurred_at::text || ' '
                               || (SELECT string_agg(l.line_no || ':' || l.account || ':' || l.side || ':' || l.amount_minor || ':' || l.currency,
                                                     ',' ORDER BY l.line_no)
                                     FROM ledger_line l WHERE l.journal_entry_id = e.journal_entry_id)
                          FROM ledger_entry e WHERE e.journal_entry_id LIKE :like ORDER BY e.journal_entry_id""")
                .param("like", like).query(String.class).list());
        return rows.stream().map(row -> row.replace(scenario.prefix, "P")).toList();
    }

    /**
     * Publishes the records while the projection's main-topic consumers are stopped, then starts them and waits
     * until every event is handled: each consumer reads what is waiting for it in one poll (or a few).
     */
    private void inFewPolls(List<SpecificRecord> records) {
        List<MessageListenerContainer> containers = consumers.stream()
                .map(registrar::listenerIdOf).distinct().map(listeners::getListenerContainer).toList();
        assertThat(containers).as("one container reads the three topics").hasSize(1).doesNotContainNull();
        containers.forEach(MessageListenerContainer::stop);
        List<String> eventIds;
        try {
            eventIds = events().sendAll(records.toArray(SpecificRecord[]::new));
        } finally {
            containers.forEach(MessageListenerContainer::start);
        }
        awaitHandled(eventIds);
    }

    /**
     * The same history for every prefix: results in every order the projection must cope with, redeliveries,
     * the same fact under a new event id, a double credit. Keys (payment order ids) put each order's events on
     * one partition, in this order.
     */
    private record Scenario(String prefix) {

        List<SpecificRecord> records() {
            String a = "po-" + prefix + "-a";
            String b = "po-" + prefix + "-b";
            String c = "po-" + prefix + "-c";
            String d = "po-" + prefix + "-d";
            PaymentOrderSucceeded aSucceeded = succeeded(a, 1000, "pi_" + prefix + "_a", at(10, 0));
            RefundFailed r3Newer = refundFailed(a, "rf-" + prefix + "-3", 300, "re_" + prefix + "_3", at(12, 10), "second");
            List<SpecificRecord> records = new ArrayList<>(List.of(
                    aSucceeded,
                    aSucceeded, // redelivered: the inbox drops it
                    succeeded(a, 1100, "pi_" + prefix + "_a2", at(10, 5)), // the same fact, new event id: success is final
                    failed(a, "pi_" + prefix + "_a", at(9, 0), "card_declined"), // an older attempt's failure, late
                    failed(b, null, at(8, 0), "card_declined"),
                    failed(b, "pi_" + prefix + "_b_old", at(7, 0), "old"), // older than the known failure
                    failed(b, "pi_" + prefix + "_b", at(9, 0), "expired_card"),
                    failed(b, null, at(9, 30), "do_not_honor"), // newer, without a reference: the known one stays
                    succeeded(b, 2000, "pi_" + prefix + "_b2", at(10, 0)),
                    failed(b, "pi_" + prefix + "_b3", at(11, 0), "late"), // after the success
                    failed(c, null, at(8, 0), "card_declined"),
                    failed(d, "pi_" + prefix + "_d", at(8, 0), "first"),
                    failed(d, null, at(9, 0), "later"),
                    refundFailed(a, "rf-" + prefix + "-1", 100, null, at(12, 0), "refund_failed"),
                    refundSucceeded(a, "rf-" + prefix + "-1", 100, "re_" + prefix + "_1", at(12, 30)),
                    refundFailed(a, "rf-" + prefix + "-1", 100, "re_" + prefix + "_1x", at(13, 0), "late"),
                    refundSucceeded(a, "rf-" + prefix + "-2", 200, "re_" + prefix + "_2", at(12, 0)),
                    refundFailed(a, "rf-" + prefix + "-2", 200, null, at(11, 0), "older"),
                    refundFailed(a, "rf-" + prefix + "-3", 300, null, at(12, 0), "first"),
                    r3Newer,
                    refundFailed(a, "rf-" + prefix + "-3", 300, "re_other", at(12, 5), "older"),
                    credited(a, "mv-" + prefix + "-1", 1000),
                    credited(a, "mv-" + prefix + "-1", 999), // the same movement again, new event id
                    credited(b, "mv-" + prefix + "-2", 2000),
                    credited(b, "mv-" + prefix + "-3", 2000), // a double credit: two movements
                    debited(a, "rf-" + prefix + "-1", "mv-" + prefix + "-4", 100),
                    recorded(a, "je-" + prefix + "-1", LedgerEntryKind.PAYMENT, null, 1000, 2),
                    recorded(a, "je-" + prefix + "-1", LedgerEntryKind.PAYMENT, null, 1001, 3), // same entry again
                    recorded(b, "je-" + prefix + "-2", LedgerEntryKind.PAYMENT, null, 2000, 2),
                    recorded(a, "je-" + prefix + "-3", LedgerEntryKind.REFUND, "rf-" + prefix + "-1", 100, 2)));
            records.add(failed(c, null, at(7, 0), "older")); // older than c's failure
            String dispute1 = "dp-" + prefix + "-1";
            String dispute2 = "dp-" + prefix + "-2";
            DisputeFundsWithdrawn withdrawn1 = withdrawn(a, dispute1, 900, 1500, DisputeFeeBearer.PLATFORM, at(13, 0));
            records.addAll(List.of(
                    withdrawn1,
                    withdrawn1, // redelivered: the inbox drops it
                    withdrawn(a, dispute1, 901, 9, DisputeFeeBearer.SELLER, at(13, 5)), // re-published: recorded once
                    reinstated(a, dispute1, 900, 0, DisputeFeeBearer.PLATFORM, at(14, 0)),
                    reinstated(a, dispute1, 900, 1500, DisputeFeeBearer.PLATFORM, at(14, 5)), // again: once
                    // a reinstatement before its withdrawal (a retried record loses its order)
                    reinstated(b, dispute2, 2000, 1500, DisputeFeeBearer.SELLER, at(15, 0)),
                    withdrawn(b, dispute2, 2000, 1500, DisputeFeeBearer.SELLER, at(14, 30)),
                    disputeDebited(a, dispute1, "mv-" + prefix + "-5", 900),
                    disputeDebited(a, dispute1, "mv-" + prefix + "-5", 900), // the same movement again, new event id
                    disputeCredited(a, dispute1, "mv-" + prefix + "-6", 900),
                    disputeRecorded(a, dispute1, "je-" + prefix + "-4"),
                    disputeRecorded(a, dispute1, "je-" + prefix + "-4"))); // same entry again
            return records;
        }

        private DisputeFundsWithdrawn withdrawn(String order, String dispute, long amount, long fee,
                                                DisputeFeeBearer bearer, Instant at) {
            return DisputeFundsWithdrawn.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(at)
                    .setPaymentOrderId(order).setCheckoutId("co-" + order).setSellerAccount("seller-" + prefix)
                    .setAmountMinor(amount).setCurrency("EUR").setDisputeId(dispute).setPspReference("pi_" + dispute)
                    .setFeeMinor(fee).setFeeBearer(bearer).build();
        }

        private DisputeFundsReinstated reinstated(String order, String dispute, long amount, long fee,
                                                  DisputeFeeBearer bearer, Instant at) {
            return DisputeFundsReinstated.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(at)
                    .setPaymentOrderId(order).setCheckoutId("co-" + order).setSellerAccount("seller-" + prefix)
                    .setAmountMinor(amount).setCurrency("EUR").setDisputeId(dispute).setPspReference("pi_" + dispute)
                    .setFeeMinor(fee).setFeeBearer(bearer).build();
        }

        private WalletDebited disputeDebited(String order, String dispute, String movement, long amount) {
            return WalletDebited.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(at(13, 1))
                    .setPaymentOrderId(order).setCheckoutId("co-" + order).setSellerAccount("seller-" + prefix)
                    .setAmountMinor(amount).setCurrency("EUR").setRefundId(null).setDisputeId(dispute)
                    .setMovementId(movement).setSourceEventId("src-" + movement).setBalanceAfterMinor(0).build();
        }

        private WalletCredited disputeCredited(String order, String dispute, String movement, long amount) {
            return WalletCredited.newBuilder(credited(order, movement, amount)).setOccurredAt(at(14, 1))
                    .setDisputeId(dispute).build();
        }

        /** The withdrawal's entry with its fee on dispute_fees: three lines. */
        private LedgerTransactionRecorded disputeRecorded(String order, String dispute, String entry) {
            List<JournalLine> lines = List.of(
                    line("seller_payable:seller-" + prefix, EntrySide.DEBIT, 900),
                    line("psp_receivable", EntrySide.CREDIT, 2400),
                    line("dispute_fees", EntrySide.DEBIT, 1500));
            return LedgerTransactionRecorded.newBuilder(recorded(order, entry, LedgerEntryKind.DISPUTE_FUNDS_WITHDRAWN,
                            null, 900, 0))
                    .setOccurredAt(at(13, 2)).setDisputeId(dispute).setLines(lines).build();
        }

        private static JournalLine line(String account, EntrySide side, long amount) {
            return JournalLine.newBuilder().setAccount(account).setSide(side).setAmountMinor(amount).setCurrency("EUR")
                    .build();
        }

        private PaymentOrderSucceeded succeeded(String order, long amount, String pspReference, Instant at) {
            return PaymentOrderSucceeded.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(at)
                    .setPaymentOrderId(order).setCheckoutId("co-" + order).setSellerAccount("seller-" + prefix)
                    .setAmountMinor(amount).setCurrency("EUR").setPspReference(pspReference).build();
        }

        private PaymentOrderFailed failed(String order, String pspReference, Instant at, String code) {
            long amount = order.endsWith("-b") ? 2000 : order.endsWith("-c") ? 3000 : order.endsWith("-d") ? 4000 : 1000;
            return PaymentOrderFailed.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(at)
                    .setPaymentOrderId(order).setCheckoutId("co-" + order + "-f").setSellerAccount("seller-" + prefix)
                    .setAmountMinor(amount).setCurrency("EUR").setPspReference(pspReference)
                    .setFailureCode(code).setFailureMessage("declined").build();
        }

        private RefundSucceeded refundSucceeded(String order, String refund, long amount, String reference, Instant at) {
            return RefundSucceeded.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(at)
                    .setPaymentOrderId(order).setCheckoutId("co-" + order).setSellerAccount("seller-" + prefix)
                    .setAmountMinor(amount).setCurrency("EUR").setRefundId(refund)
                    .setPspReference("pi_" + prefix + "_a").setPspRefundReference(reference).build();
        }

        private RefundFailed refundFailed(String order, String refund, long amount, String reference, Instant at,
                                          String code) {
            return RefundFailed.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(at)
                    .setPaymentOrderId(order).setCheckoutId("co-" + order).setSellerAccount("seller-" + prefix)
                    .setAmountMinor(amount).setCurrency("EUR").setRefundId(refund)
                    .setPspReference("pi_" + prefix + "_f").setPspRefundReference(reference)
                    .setFailureCode(code).build();
        }

        private WalletCredited credited(String order, String movement, long amount) {
            return WalletCredited.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(at(10, 1))
                    .setPaymentOrderId(order).setCheckoutId("co-" + order).setSellerAccount("seller-" + prefix)
                    .setAmountMinor(amount).setCurrency("EUR").setMovementId(movement)
                    .setSourceEventId("src-" + movement).setBalanceAfterMinor(amount).build();
        }

        private WalletDebited debited(String order, String refund, String movement, long amount) {
            return WalletDebited.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(at(12, 31))
                    .setPaymentOrderId(order).setCheckoutId("co-" + order).setSellerAccount("seller-" + prefix)
                    .setAmountMinor(amount).setCurrency("EUR").setRefundId(refund).setMovementId(movement)
                    .setSourceEventId("src-" + movement).setBalanceAfterMinor(900).build();
        }

        private LedgerTransactionRecorded recorded(String order, String entry, LedgerEntryKind kind, String refund,
                                                   long amount, int lines) {
            List<JournalLine> journalLines = new ArrayList<>();
            for (int i = 0; i < lines; i++) {
                journalLines.add(JournalLine.newBuilder().setAccount(i == 0 ? "psp_receivable" : "seller_payable:seller-" + prefix)
                        .setSide(i == 0 ? EntrySide.DEBIT : EntrySide.CREDIT).setAmountMinor(amount).setCurrency("EUR")
                        .build());
            }
            return LedgerTransactionRecorded.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(at(10, 2))
                    .setPaymentOrderId(order).setCheckoutId("co-" + order).setSellerAccount("seller-" + prefix)
                    .setAmountMinor(amount).setCurrency("EUR").setJournalEntryId(entry).setKind(kind).setRefundId(refund)
                    .setSourceEventId("src-" + entry).setLines(journalLines).build();
        }

        private static Instant at(int hour, int minute) {
            return T.atZone(java.time.ZoneOffset.UTC).withHour(hour).withMinute(minute).toInstant();
        }
    }
}
