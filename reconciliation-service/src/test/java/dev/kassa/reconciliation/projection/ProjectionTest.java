package dev.kassa.reconciliation.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kassa.reconciliation.support.ReconciliationTestBase;
import dev.kassa.reconciliation.support.ReportClient;
import dev.kassa.reconciliation.support.TestDispute;
import dev.kassa.reconciliation.support.TestPayment;
import dev.kassa.reconciliation.support.TestRefund;
import dev.kassa.schemas.Topics;
import dev.kassa.schemas.event.DisputeFeeBearer;
import dev.kassa.schemas.event.DisputeFundsReinstated;
import dev.kassa.schemas.event.DisputeFundsWithdrawn;
import dev.kassa.schemas.event.LedgerTransactionRecorded;
import dev.kassa.schemas.event.PaymentOrderSucceeded;
import dev.kassa.schemas.event.WalletDebited;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The projection of payment.results, wallet.events and ledger.events (a dispute's records too): idempotent, in any
 * arrival order.
 */
class ProjectionTest extends ReconciliationTestBase {

    private final Instant now = Instant.parse("2025-06-01T10:00:00Z");

    @Test
    void theSameEventTwiceIsAppliedOnce() {
        TestPayment payment = TestPayment.of(seller(), 2999, "USD", now);
        PaymentOrderSucceeded succeeded = payment.succeeded();
        var credited = payment.credited();
        var recorded = payment.recorded();
        publishAndAwait(succeeded, credited, recorded, succeeded, credited, recorded);

        assertThat(count("platform_payment", payment.orderId())).isEqualTo(1);
        assertThat(count("wallet_movement", payment.orderId())).isEqualTo(1);
        assertThat(count("ledger_entry", payment.orderId())).isEqualTo(1);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM ledger_line l JOIN ledger_entry e USING (journal_entry_id)
                         WHERE e.payment_order_id = :order""")
                .param("order", payment.orderId()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aSuccessIsFinalWhateverOrderTheResultsArriveIn() {
        TestPayment failedThenSucceeded = TestPayment.of(seller(), 1000, "EUR", now);
        TestPayment succeededThenStaleFailure = TestPayment.of(seller(), 2000, "EUR", now);
        // a manual retry: attempt 1 failed at 09:00, attempt 2 succeeded at 10:00
        publishAndAwait(failedThenSucceeded.failed(now.minusSeconds(3600)));
        publishAndAwait(failedThenSucceeded.succeeded());
        // the same two results, delivered the other way round (a retried record loses its order)
        publishAndAwait(succeededThenStaleFailure.succeeded());
        publishAndAwait(succeededThenStaleFailure.failed(now.minusSeconds(3600)));

        assertThat(status(failedThenSucceeded.orderId())).isEqualTo("SUCCEEDED");
        assertThat(status(succeededThenStaleFailure.orderId())).isEqualTo("SUCCEEDED");
    }

    @Test
    void aRefundIsKeyedByItsOwnIdAndAFailureNeverUndoesItsSuccess() {
        TestPayment payment = TestPayment.of(seller(), 5000, "USD", now);
        TestRefund first = TestRefund.of(payment, 1000, now.plusSeconds(60));
        TestRefund second = TestRefund.of(payment, 2000, now.plusSeconds(120));
        publishAndAwait(first.succeeded(), second.succeeded(), first.debited(), second.debited(), first.failed());

        assertThat(jdbc.sql("SELECT refund_id || ' ' || status FROM platform_refund WHERE payment_order_id = :order ORDER BY amount_minor")
                .param("order", payment.orderId()).query(String.class).list())
                .containsExactly(first.refundId() + " SUCCEEDED", second.refundId() + " SUCCEEDED");
        assertThat(jdbc.sql("SELECT count(*) FROM wallet_movement WHERE kind = 'DEBIT' AND payment_order_id = :order")
                .param("order", payment.orderId()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void invalidAndUndecodableEventsGoToTheDeadLetterTopicAndLaterEventsAreStillApplied() {
        TestPayment invalid = TestPayment.of(seller(), 2999, "usd", now); // lower-case currency: never valid
        events().sendAll(invalid.succeeded());
        events().sendRaw(Topics.PAYMENT_RESULTS, "garbage-key", "not avro".getBytes(StandardCharsets.UTF_8));
        TestPayment valid = TestPayment.of(seller(), 2999, "USD", now);
        publishAndAwait(valid.succeeded());

        assertThat(status(valid.orderId())).isEqualTo("SUCCEEDED");
        assertThat(count("platform_payment", invalid.orderId())).isZero();
        String dlt = Topics.deadLetterTopic(Topics.PAYMENT_RESULTS, "reconciliation-service");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode deadLetters = ReportClient.json(api.get("/admin/dead-letters?topic=" + dlt + "&limit=500").getBody());
            List<String> keys = deadLetters.valueStream().map(d -> d.get("key").asString()).toList();
            assertThat(keys).contains(invalid.orderId(), "garbage-key");
        });
    }

    @Test
    void aDisputesWithdrawalAndReinstatementAreEachProjectedOnceWhateverTheCopiesAndTheOrder() {
        TestPayment payment = TestPayment.of(seller(), 2999, "USD", now);
        TestDispute dispute = TestDispute.of(payment, 1500, DisputeFeeBearer.PLATFORM, now.plusSeconds(3600));
        DisputeFundsWithdrawn withdrawn = dispute.withdrawn();
        TestDispute.Reinstatement won = dispute.reinstatement(0, now.plusSeconds(7200));
        DisputeFundsReinstated reinstated = won.reinstated();
        WalletDebited debited = dispute.debited();
        LedgerTransactionRecorded recorded = dispute.withdrawalRecorded();
        publishAndAwait(withdrawn, withdrawn, debited, debited, recorded, recorded,
                // the same facts re-published under new event ids, with other figures: they change nothing
                DisputeFundsWithdrawn.newBuilder(withdrawn).setEventId(UUID.randomUUID().toString()).setFeeMinor(9)
                        .setAmountMinor(1).setOccurredAt(now).build(),
                WalletDebited.newBuilder(debited).setEventId(UUID.randomUUID().toString()).setAmountMinor(1).build(),
                reinstated,
                DisputeFundsReinstated.newBuilder(reinstated).setEventId(UUID.randomUUID().toString())
                        .setFeeMinor(1500).build(),
                won.credited());

        assertThat(dispute(dispute.disputeId())).isEqualTo(payment.orderId() + " " + payment.seller()
                + " USD PLATFORM withdrawn 2999 fee 1500 at 2025-06-01T11:00:00Z"
                + " reinstated 2999 fee 0 at 2025-06-01T12:00:00Z");
        assertThat(jdbc.sql("""
                        SELECT kind || ' ' || amount_minor || ' ' || coalesce(refund_id, '-') || ' ' || dispute_id
                          FROM wallet_movement WHERE payment_order_id = :order ORDER BY kind""")
                .param("order", payment.orderId()).query(String.class).list())
                .containsExactly("CREDIT 2999 - " + dispute.disputeId(), "DEBIT 2999 - " + dispute.disputeId());
        assertThat(jdbc.sql("""
                        SELECT e.kind || ' ' || e.dispute_id || ' '
                               || string_agg(l.account || ':' || l.side || ':' || l.amount_minor, ',' ORDER BY l.line_no)
                          FROM ledger_entry e JOIN ledger_line l USING (journal_entry_id)
                         WHERE e.payment_order_id = :order GROUP BY e.journal_entry_id, e.kind, e.dispute_id""")
                .param("order", payment.orderId()).query(String.class).list())
                .containsExactly("DISPUTE_FUNDS_WITHDRAWN " + dispute.disputeId() + " seller_payable:" + payment.seller()
                        + ":DEBIT:2999,psp_receivable:CREDIT:4499,dispute_fees:DEBIT:1500");

        // a won dispute whose reinstatement arrives before its withdrawal (a retried record loses its order)
        TestPayment other = TestPayment.of(seller(), 5000, "EUR", now);
        TestDispute late = TestDispute.of(other, 1500, DisputeFeeBearer.SELLER, now.plusSeconds(3600));
        publishAndAwait(late.reinstatement(1500, now.plusSeconds(7200)).reinstated());
        assertThat(dispute(late.disputeId())).endsWith("withdrawn null fee null at null"
                + " reinstated 5000 fee 1500 at 2025-06-01T12:00:00Z");
        publishAndAwait(late.withdrawn());
        assertThat(dispute(late.disputeId())).isEqualTo(other.orderId() + " " + other.seller()
                + " EUR SELLER withdrawn 5000 fee 1500 at 2025-06-01T11:00:00Z"
                + " reinstated 5000 fee 1500 at 2025-06-01T12:00:00Z");
    }

    @Test
    void aWalletDebitOrJournalEntryThatDoesNotSayWhatItIsForGoesToTheDeadLetterTopic() {
        TestPayment payment = TestPayment.of(seller(), 2999, "USD", now);
        TestDispute dispute = TestDispute.of(payment, 1500, DisputeFeeBearer.PLATFORM, now);
        WalletDebited neither = WalletDebited.newBuilder(dispute.debited()).setDisputeId(null)
                .setPaymentOrderId(payment.orderId() + "-neither").build();
        WalletDebited both = WalletDebited.newBuilder(dispute.debited()).setRefundId("rf-1")
                .setPaymentOrderId(payment.orderId() + "-both").build();
        LedgerTransactionRecorded unnamed = LedgerTransactionRecorded.newBuilder(dispute.withdrawalRecorded())
                .setDisputeId(null).setPaymentOrderId(payment.orderId() + "-unnamed").build();
        events().sendAll(neither, both, unnamed);
        publishAndAwait(dispute.debited(), dispute.withdrawalRecorded());

        assertThat(count("wallet_movement", payment.orderId())).isEqualTo(1);
        assertThat(count("ledger_entry", payment.orderId())).isEqualTo(1);
        assertThat(count("wallet_movement", payment.orderId() + "-neither")).isZero();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(deadLetterKeys(Topics.WALLET_EVENTS)).contains(payment.orderId() + "-neither",
                    payment.orderId() + "-both");
            assertThat(deadLetterKeys(Topics.LEDGER_EVENTS)).contains(payment.orderId() + "-unnamed");
        });
    }

    private List<String> deadLetterKeys(String topic) {
        String dlt = Topics.deadLetterTopic(topic, "reconciliation-service");
        JsonNode deadLetters = ReportClient.json(api.get("/admin/dead-letters?topic=" + dlt + "&limit=500").getBody());
        return deadLetters.valueStream().map(d -> d.get("key").asString()).toList();
    }

    /** A projected dispute in one line ("null" where a movement is not known yet). */
    private String dispute(String disputeId) {
        return jdbc.sql("""
                        SELECT payment_order_id || ' ' || seller_account || ' ' || currency || ' ' || fee_bearer
                               || ' withdrawn ' || coalesce(withdrawn_minor::text, 'null')
                               || ' fee ' || coalesce(withdrawn_fee_minor::text, 'null')
                               || ' at ' || coalesce(to_char(withdrawn_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'null')
                               || ' reinstated ' || coalesce(reinstated_minor::text, 'null')
                               || ' fee ' || coalesce(reinstated_fee_minor::text, 'null')
                               || ' at ' || coalesce(to_char(reinstated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'null')
                          FROM platform_dispute WHERE dispute_id = :dispute""")
                .param("dispute", disputeId).query(String.class).single();
    }

    private long count(String table, String paymentOrderId) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE payment_order_id = :order")
                .param("order", paymentOrderId).query(Long.class).single();
    }

    private String status(String paymentOrderId) {
        return jdbc.sql("SELECT status FROM platform_payment WHERE payment_order_id = :order")
                .param("order", paymentOrderId).query(String.class).single();
    }
}
