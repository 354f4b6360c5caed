package dev.kassa.reconciliation.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kassa.reconciliation.support.ReconciliationTestBase;
import dev.kassa.reconciliation.support.ReportClient;
import dev.kassa.reconciliation.support.TestPayment;
import dev.kassa.reconciliation.support.TestRefund;
import dev.kassa.schemas.Topics;
import dev.kassa.schemas.event.PaymentOrderSucceeded;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The projection of payment.results, wallet.events and ledger.events: idempotent, in any arrival order. */
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

    private long count(String table, String paymentOrderId) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE payment_order_id = :order")
                .param("order", paymentOrderId).query(Long.class).single();
    }

    private String status(String paymentOrderId) {
        return jdbc.sql("SELECT status FROM platform_payment WHERE payment_order_id = :order")
                .param("order", paymentOrderId).query(String.class).single();
    }
}
