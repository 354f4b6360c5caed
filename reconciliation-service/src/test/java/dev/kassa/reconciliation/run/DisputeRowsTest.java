package dev.kassa.reconciliation.run;

import static dev.kassa.reconciliation.support.ReportClient.discrepancies;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.localstack.LocalStack;
import dev.kassa.reconciliation.support.BalanceTransactions;
import dev.kassa.reconciliation.support.ReconciliationTestBase;
import dev.kassa.reconciliation.support.ReportClient.Found;
import dev.kassa.reconciliation.support.TestPayment;
import dev.kassa.schemas.Topics;
import dev.kassa.schemas.event.DiscrepancyFound;
import dev.kassa.testfixtures.TopicRecorder;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A dispute's money at the PSP (Stripe's {@code adjustment} of reporting category {@code dispute} or
 * {@code dispute_reversal}) is a DISPUTE_UNKNOWN finding per row while the platform books no disputes; it never
 * changes how the disputed charge matches, and its money is totalled apart from charges and refunds.
 */
class DisputeRowsTest extends ReconciliationTestBase {

    private static final long USD_DISPUTE_FEE = 1500;

    @Test
    void aDisputesWithdrawalAndReversalAreDisputeUnknownWhileTheDisputedChargeStillMatches() {
        LocalDate day = uniqueDay();
        TestPayment payment = TestPayment.of(seller(), 2999, "USD", at(day, 9));
        TestPayment other = TestPayment.of(payment.seller(), 1000, "USD", at(day, 10));
        settledInPlatform(payment, other);
        PSP.serve(day, new BalanceTransactions()
                .charge(payment)                                                                          // line 1
                .charge(other)                                                                            // line 2
                .disputeWithdrawal("txn_dpw_" + payment.pspReference(), "dp_" + payment.pspReference(),  // line 3
                        payment.pspReference(), 2999, USD_DISPUTE_FEE, "USD", at(day, 12))
                .disputeReversal("txn_dpr_" + payment.pspReference(), "dp_" + payment.pspReference(),    // line 4
                        payment.pspReference(), 2999, 0, "USD", at(day, 15)));

        JsonNode report = api.run(day);

        assertThat(report.get("rows_read").asLong()).isEqualTo(4);
        assertThat(report.get("matched_count").asLong()).as("both charges, the disputed one too").isEqualTo(2);
        assertThat(report.get("malformed_count").asLong()).isZero();
        assertThat(report.get("discrepancy_count").asLong()).isEqualTo(2);
        assertThat(discrepancies(report)).containsExactlyInAnyOrder(
                new Found("DISPUTE_UNKNOWN", payment.orderId(), payment.pspReference(), null, payment.seller(),
                        "none", "WITHDRAWN 29.99 USD, fee 15.00 USD"),
                new Found("DISPUTE_UNKNOWN", payment.orderId(), payment.pspReference(), null, payment.seller(),
                        "none", "REINSTATED 29.99 USD, fee 0.00 USD"));
        Map<String, JsonNode> byTransaction = byBalanceTransaction(report);
        JsonNode withdrawal = byTransaction.get("txn_dpw_" + payment.pspReference());
        assertThat(withdrawal.get("dispute_id").asString()).isEqualTo("dp_" + payment.pspReference());
        assertThat(withdrawal.get("line_number").asLong()).isEqualTo(3);
        assertThat(withdrawal.get("currency").asString()).isEqualTo("USD");
        assertThat(withdrawal.get("expected_minor").isNull()).isTrue();
        assertThat(withdrawal.get("expected_fee_minor").isNull()).isTrue();
        assertThat(withdrawal.get("actual_minor").asLong()).isEqualTo(2999);
        assertThat(withdrawal.get("actual_fee_minor").asLong()).isEqualTo(USD_DISPUTE_FEE);
        assertThat(withdrawal.get("detail").asString()).isEqualTo("The PSP withdrew the disputed amount and a dispute"
                + " fee for dispute dp_" + payment.pspReference() + " of payment intent " + payment.pspReference()
                + " (payment order " + payment.orderId() + ") in balance transaction txn_dpw_" + payment.pspReference()
                + " (line 3) and the platform has no such dispute");
        JsonNode reversal = byTransaction.get("txn_dpr_" + payment.pspReference());
        assertThat(reversal.get("dispute_id").asString()).isEqualTo("dp_" + payment.pspReference());
        assertThat(reversal.get("actual_fee_minor").asLong()).isZero();
        assertThat(reversal.get("detail").asString()).startsWith("The PSP reinstated the disputed amount of dispute dp_"
                + payment.pspReference() + " (won) of payment intent " + payment.pspReference());

        JsonNode usd = report.get("totals").get(0);
        assertThat(usd.get("currency").asString()).isEqualTo("USD");
        assertThat(usd.get("psp_count").asLong()).as("charges and refunds only").isEqualTo(2);
        assertThat(usd.get("psp_gross_minor").asLong()).isEqualTo(3999);
        assertThat(usd.get("psp_fees_minor").asLong())
                .isEqualTo(BalanceTransactions.fee(2999) + BalanceTransactions.fee(1000));
        assertThat(usd.get("expected_gross_minor").asLong()).isEqualTo(3999);
        assertThat(usd.get("difference_minor").asLong()).as("dispute money is not a payment difference").isZero();
        assertThat(usd.get("psp_dispute_count").asLong()).isEqualTo(2);
        assertThat(usd.get("psp_dispute_gross_minor").asLong()).as("withdrawn, then reinstated").isZero();
        assertThat(usd.get("psp_dispute_fees_minor").asLong()).isEqualTo(USD_DISPUTE_FEE);
        assertThat(usd.get("psp_dispute_net_minor").asLong()).isEqualTo(-USD_DISPUTE_FEE);
        assertThat(usd.get("psp_dispute_net").asString()).isEqualTo("-15.00");

        List<DiscrepancyFound> published = awaitPublished(day, 2);
        assertThat(published).allSatisfy(found -> {
            assertThat(found.getDiscrepancyType()).isEqualTo("DISPUTE_UNKNOWN");
            assertThat(found.getPaymentOrderId()).isEqualTo(payment.orderId());
            assertThat(found.getPspReference()).isEqualTo(payment.pspReference());
            assertThat(found.getSellerAccount()).isEqualTo(payment.seller());
            assertThat(found.getCurrency()).isEqualTo("USD");
            assertThat(found.getExpected()).isEqualTo("none");
            assertThat(found.getDetail()).contains("dispute dp_" + payment.pspReference());
        });
        assertThat(published).extracting(DiscrepancyFound::getActual).containsExactlyInAnyOrder(
                "WITHDRAWN 29.99 USD, fee 15.00 USD", "REINSTATED 29.99 USD, fee 0.00 USD");

        JsonNode rerun = api.run(day);
        assertThat(discrepancies(rerun)).isEqualTo(discrepancies(report));
        assertThat(rerun.get("totals")).isEqualTo(report.get("totals"));
        assertThat(outboxRows(day)).as("the rerun publishes nothing twice").isEqualTo(2);
    }

    @Test
    void aDisputeOnALaterDayNamesThePaymentItDisputesWhereAnySideKnowsIt() {
        LocalDate charged = uniqueDay();
        LocalDate disputed = charged.plusDays(1);
        TestPayment ours = TestPayment.of(seller(), 5000, "EUR", at(charged, 9));
        settledInPlatform(ours);
        String strangerOrder = "po-stranger-" + ours.pspReference();
        PSP.serve(charged, new BalanceTransactions().charge(ours)
                .charge("txn_stranger", "pi_stranger_" + ours.pspReference(), strangerOrder, 2000, 53, "EUR",
                        at(charged, 10)));
        assertThat(api.run(charged).get("matched_count").asLong()).isEqualTo(1);
        PSP.serve(disputed, new BalanceTransactions()
                // a partial dispute of our payment: 10.00 of 50.00, and the EUR dispute fee
                .disputeWithdrawal("txn_dp_ours", "dp_ours", ours.pspReference(), 1000, 1500, "EUR", at(disputed, 8))
                // a dispute of a charge the platform does not have: the PSP's charge row carried its order id
                .disputeWithdrawal("txn_dp_stranger", "dp_stranger", "pi_stranger_" + ours.pspReference(), 2000,
                        1500, "EUR", at(disputed, 9))
                // a dispute of a charge neither side has a payment order for
                .disputeWithdrawal("txn_dp_nowhere", "dp_nowhere", "pi_nowhere", 700, 1500, "EUR", at(disputed, 10)));

        JsonNode report = api.run(disputed);

        assertThat(report.get("matched_count").asLong()).isZero();
        assertThat(discrepancies(report)).containsExactlyInAnyOrder(
                new Found("DISPUTE_UNKNOWN", ours.orderId(), ours.pspReference(), null, ours.seller(),
                        "none", "WITHDRAWN 10.00 EUR, fee 15.00 EUR"),
                new Found("DISPUTE_UNKNOWN", strangerOrder, "pi_stranger_" + ours.pspReference(), null, null,
                        "none", "WITHDRAWN 20.00 EUR, fee 15.00 EUR"),
                new Found("DISPUTE_UNKNOWN", null, "pi_nowhere", null, null,
                        "none", "WITHDRAWN 7.00 EUR, fee 15.00 EUR"));
        assertThat(byBalanceTransaction(report).get("txn_dp_nowhere").get("detail").asString())
                .contains("dispute dp_nowhere of payment intent pi_nowhere (payment order unknown)");
        JsonNode eur = report.get("totals").get(0);
        assertThat(eur.get("currency").asString()).isEqualTo("EUR");
        assertThat(eur.get("psp_count").asLong()).isZero();
        assertThat(eur.get("psp_gross_minor").asLong()).isZero();
        assertThat(eur.get("difference_minor").asLong()).isZero();
        assertThat(eur.get("psp_dispute_count").asLong()).isEqualTo(3);
        assertThat(eur.get("psp_dispute_gross_minor").asLong()).isEqualTo(-3700);
        assertThat(eur.get("psp_dispute_fees_minor").asLong()).isEqualTo(4500);
        assertThat(eur.get("psp_dispute_net_minor").asLong()).isEqualTo(-8200);
        assertThat(eur.get("psp_dispute_gross").asString()).isEqualTo("-37.00");
    }

    private static Map<String, JsonNode> byBalanceTransaction(JsonNode report) {
        return StreamSupport.stream(report.get("discrepancies").spliterator(), false)
                .collect(Collectors.toMap(d -> d.get("balance_transaction_id").asString(), Function.identity()));
    }

    private long outboxRows(LocalDate day) {
        return jdbc.sql("SELECT count(*) FROM outbox_message WHERE message_key = :key")
                .param("key", day.toString()).query(Long.class).single();
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
