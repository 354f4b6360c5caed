package dev.kassa.reconciliation.run;

import static dev.kassa.reconciliation.support.ReportClient.discrepancies;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.localstack.LocalStack;
import dev.kassa.reconciliation.support.ReconciliationTestBase;
import dev.kassa.reconciliation.support.BalanceTransactions;
import dev.kassa.reconciliation.support.TestPayment;
import dev.kassa.schemas.Topics;
import dev.kassa.schemas.event.DiscrepancyFound;
import dev.kassa.testfixtures.TopicRecorder;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A rerun replaces the day's report; the same differences give the same report and are published once. */
class RerunTest extends ReconciliationTestBase {

    @Test
    void aRerunGivesTheSameReportAndPublishesNothingTwice() {
        LocalDate day = uniqueDay();
        TestPayment matched = TestPayment.of(seller(), 2999, "USD", at(day, 8));
        TestPayment changed = TestPayment.of(seller(), 1000, "USD", at(day, 9));
        TestPayment dropped = TestPayment.of(seller(), 1500, "EUR", at(day, 10));
        settledInPlatform(matched, changed, dropped);
        PSP.serve(day, new BalanceTransactions().charge(matched).charge(changed.withAmount(1100))
                .charge("txn_stranger", "pi_stranger", "po-stranger-" + UUID.randomUUID(), 700, 50, "USD", at(day, 11))
                );

        JsonNode first = api.run(day);
        JsonNode second = api.run(day);

        assertThat(discrepancies(first)).extracting(d -> d.type()).containsExactlyInAnyOrder(
                "AMOUNT_MISMATCH", "MISSING_AT_PSP", "MISSING_IN_PLATFORM");
        // the same report, but for its times and the rerun's own request (requested_by.request_id)
        assertThat(without(second, "started_at", "finished_at", "requested_by"))
                .isEqualTo(without(first, "started_at", "finished_at", "requested_by"));
        assertThat(second.get("requested_by").get("request_id"))
                .isNotEqualTo(first.get("requested_by").get("request_id"));
        List<DiscrepancyFound> published = awaitPublished(day, 3);
        assertThat(published).extracting(d -> d.getDiscrepancyType()).containsExactlyInAnyOrder(
                "AMOUNT_MISMATCH", "MISSING_AT_PSP", "MISSING_IN_PLATFORM");
        assertThat(published).allSatisfy(d -> assertThat(d.getReportDate()).isEqualTo(day.toString()));
        DiscrepancyFound amount = published.stream()
                .filter(d -> d.getDiscrepancyType().equals("AMOUNT_MISMATCH")).findFirst().orElseThrow();
        assertThat(amount.getPaymentOrderId()).isEqualTo(changed.orderId());
        assertThat(amount.getPspReference()).isEqualTo(changed.pspReference());
        assertThat(amount.getExpected()).isEqualTo("10.00 USD");
        assertThat(amount.getActual()).isEqualTo("11.00 USD");
        assertThat(amount.getCurrency()).isEqualTo("USD");
        assertThat(outboxRows(day)).as("the rerun found nothing new to publish").isEqualTo(3);
    }

    @Test
    void aRerunAfterTheFixReplacesTheReportAndPublishesOnlyWhatIsNew() {
        LocalDate day = uniqueDay();
        TestPayment payment = TestPayment.of(seller(), 2999, "USD", at(day, 8));
        publishAndAwait(payment.succeeded(), payment.credited());
        PSP.serve(day, new BalanceTransactions().charge(payment));
        assertThat(discrepancies(api.run(day))).extracting(d -> d.type()).containsExactly("LEDGER_MISSING");

        publishAndAwait(payment.recorded()); // the late ledger entry arrives
        TestPayment late = TestPayment.of(seller(), 500, "USD", at(day, 9));
        settledInPlatform(late); // and a payment the PSP file does not have yet
        JsonNode rerun = api.run(day);

        assertThat(discrepancies(rerun)).extracting(d -> d.type() + " " + d.paymentOrderId())
                .containsExactly("MISSING_AT_PSP " + late.orderId());
        assertThat(rerun.get("discrepancy_count").asLong()).isEqualTo(1);
        assertThat(outboxRows(day)).isEqualTo(2);
    }

    private long outboxRows(LocalDate day) {
        return jdbc.sql("SELECT count(*) FROM outbox_message WHERE message_key = :key")
                .param("key", day.toString()).query(Long.class).single();
    }

    private static JsonNode without(JsonNode report, String... fields) {
        tools.jackson.databind.node.ObjectNode copy = (tools.jackson.databind.node.ObjectNode) report.deepCopy();
        for (String field : fields) {
            copy.remove(field);
        }
        return copy;
    }

    /** Reads reconciliation.discrepancies from the beginning until {@code count} records keyed by the day arrived. */
    private static List<DiscrepancyFound> awaitPublished(LocalDate day, int count) {
        try (TopicRecorder published = new TopicRecorder(LocalStack.shared().kafka().superUserClientProperties(),
                Topics.RECONCILIATION_DISCREPANCIES)) {
            return published.awaitRecords(day.toString(), count).stream()
                    .map(record -> (DiscrepancyFound) record.value())
                    .toList();
        }
    }
}
