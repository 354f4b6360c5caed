package dev.kassa.reconciliation.run;

import static dev.kassa.reconciliation.support.ReportClient.discrepancies;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.localstack.LocalStack;
import dev.kassa.reconciliation.support.BalanceTransactions;
import dev.kassa.reconciliation.support.ReconciliationTestBase;
import dev.kassa.reconciliation.support.ReportClient.Found;
import dev.kassa.reconciliation.support.TestDispute;
import dev.kassa.reconciliation.support.TestPayment;
import dev.kassa.schemas.Topics;
import dev.kassa.schemas.event.DiscrepancyFound;
import dev.kassa.schemas.event.DisputeFeeBearer;
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
 * {@code dispute_reversal}) is matched against the disputes the platform booked (payment-service's
 * DisputeFundsWithdrawn / DisputeFundsReinstated, with their wallet movements and journal entries): a booked dispute
 * reconciles clean, each fault is exactly its DISPUTE_* finding, a row of a dispute the platform does not know is
 * DISPUTE_UNKNOWN. A dispute never changes how the disputed charge matches, and its money is totalled apart from
 * charges and refunds.
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

    @Test
    void bookedDisputesAndTheirRowsReconcileCleanWhoeverBearsTheFeeAndWhetherTheFeeComesBack() {
        LocalDate day = uniqueDay();
        String seller = seller();
        TestPayment wonFeeKept = TestPayment.of(seller, 2999, "USD", at(day, 9));
        TestPayment open = TestPayment.of(seller, 5000, "USD", at(day, 10));
        TestPayment wonFeeBack = TestPayment.of(seller, 4000, "USD", at(day, 11));
        settledInPlatform(wonFeeKept, open, wonFeeBack);
        // the platform bears the first dispute's fee, the seller the others'
        TestDispute platformBears = TestDispute.of(wonFeeKept, USD_DISPUTE_FEE, DisputeFeeBearer.PLATFORM, at(day, 12));
        TestDispute sellerBears = TestDispute.of(open, USD_DISPUTE_FEE, DisputeFeeBearer.SELLER, at(day, 13));
        TestDispute sellerGetsFeeBack = TestDispute.of(wonFeeBack, USD_DISPUTE_FEE, DisputeFeeBearer.SELLER,
                at(day, 14));
        TestDispute.Reinstatement feeKept = platformBears.reinstatement(0, at(day, 16));
        TestDispute.Reinstatement feeBack = sellerGetsFeeBack.reinstatement(USD_DISPUTE_FEE, at(day, 17));
        settledInPlatform(platformBears);
        settledInPlatform(sellerBears);
        settledInPlatform(sellerGetsFeeBack);
        settledInPlatform(feeKept);
        settledInPlatform(feeBack);
        PSP.serve(day, new BalanceTransactions().charge(wonFeeKept).charge(open).charge(wonFeeBack)
                .disputeWithdrawal(platformBears).disputeWithdrawal(sellerBears).disputeWithdrawal(sellerGetsFeeBack)
                .disputeReversal(feeKept).disputeReversal(feeBack));

        JsonNode report = api.run(day);

        assertThat(discrepancies(report)).as("wallet = seller_payable too, with the seller's fees").isEmpty();
        assertThat(report.get("rows_read").asLong()).isEqualTo(8);
        assertThat(report.get("matched_count").asLong()).as("3 charges, 3 withdrawals, 2 reversals").isEqualTo(8);
        JsonNode usd = report.get("totals").get(0);
        assertThat(usd.get("psp_count").asLong()).isEqualTo(3);
        assertThat(usd.get("difference_minor").asLong()).isZero();
        assertThat(usd.get("psp_dispute_count").asLong()).isEqualTo(5);
        assertThat(usd.get("psp_dispute_gross_minor").asLong()).as("the open dispute's amount").isEqualTo(-5000);
        assertThat(usd.get("psp_dispute_fees_minor").asLong()).as("three fees taken, one given back")
                .isEqualTo(2 * USD_DISPUTE_FEE);
        assertThat(usd.get("psp_dispute_net_minor").asLong()).isEqualTo(-5000 - 2 * USD_DISPUTE_FEE);
        assertThat(outboxRows(day)).as("nothing to publish").isZero();
    }

    @Test
    void anotherDisputedAmountIsADisputeAmountMismatch() {
        LocalDate day = uniqueDay();
        TestPayment payment = TestPayment.of(seller(), 2999, "USD", at(day, 9));
        TestPayment won = TestPayment.of(payment.seller(), 2000, "USD", at(day, 10));
        settledInPlatform(payment, won);
        TestDispute dispute = TestDispute.of(payment, USD_DISPUTE_FEE, DisputeFeeBearer.PLATFORM, at(day, 12));
        TestDispute wonDispute = TestDispute.of(won, USD_DISPUTE_FEE, DisputeFeeBearer.PLATFORM, at(day, 13));
        TestDispute.Reinstatement reinstatement = wonDispute.reinstatement(0, at(day, 15));
        settledInPlatform(dispute);
        settledInPlatform(wonDispute);
        settledInPlatform(reinstatement);
        PSP.serve(day, new BalanceTransactions().charge(payment).charge(won)
                .disputeWithdrawal(dispute.withAmount(2500))            // the PSP withdrew 25.00 of our 29.99
                .disputeWithdrawal(wonDispute)
                .disputeReversal(reinstatement.withAmount(1000)));     // and gave 10.00 of 20.00 back

        JsonNode report = api.run(day);

        assertThat(discrepancies(report)).containsExactlyInAnyOrder(
                new Found("DISPUTE_AMOUNT_MISMATCH", payment.orderId(), payment.pspReference(), null, payment.seller(),
                        "WITHDRAWN 29.99 USD, fee 15.00 USD", "WITHDRAWN 25.00 USD, fee 15.00 USD"),
                new Found("DISPUTE_AMOUNT_MISMATCH", won.orderId(), won.pspReference(), null, won.seller(),
                        "REINSTATED 20.00 USD, fee 0.00 USD", "REINSTATED 10.00 USD, fee 0.00 USD"));
        assertThat(report.get("matched_count").asLong()).as("the charges and the second withdrawal").isEqualTo(3);
        JsonNode withdrawal = byBalanceTransaction(report).get("txn_dpw_" + dispute.disputeId());
        assertThat(withdrawal.get("dispute_id").asString()).isEqualTo(dispute.disputeId());
        assertThat(withdrawal.get("expected_minor").asLong()).isEqualTo(2999);
        assertThat(withdrawal.get("actual_minor").asLong()).isEqualTo(2500);
        assertThat(withdrawal.get("detail").asString()).isEqualTo("The PSP withdrew the funds of dispute "
                + dispute.disputeId() + " (payment order " + payment.orderId() + ") for another amount than the "
                + "platform recorded (balance transaction txn_dpw_" + dispute.disputeId() + ", line 3)");
    }

    @Test
    void aDisputeFeeMissingOnEitherSideOrDifferentIsADisputeFeeMismatch() {
        LocalDate day = uniqueDay();
        String seller = seller();
        TestPayment[] payments = new TestPayment[4];
        TestDispute[] disputes = new TestDispute[4];
        for (int i = 0; i < 4; i++) {
            payments[i] = TestPayment.of(seller, 1000 * (i + 1), "USD", at(day, 8 + i));
            // the second dispute's fee is missing on our side: the platform booked none
            disputes[i] = TestDispute.of(payments[i], i == 1 ? 0 : USD_DISPUTE_FEE, DisputeFeeBearer.PLATFORM,
                    at(day, 12));
            settledInPlatform(payments[i]);
            settledInPlatform(disputes[i]);
        }
        // won: the platform booked the fee as kept, then as given back
        TestDispute.Reinstatement keptHere = disputes[2].reinstatement(0, at(day, 15));
        TestDispute.Reinstatement returnedHere = disputes[3].reinstatement(USD_DISPUTE_FEE, at(day, 16));
        settledInPlatform(keptHere);
        settledInPlatform(returnedHere);
        TestDispute missingAtPsp = disputes[0];
        TestPayment p0 = payments[0];
        PSP.serve(day, new BalanceTransactions().charge(payments[0]).charge(payments[1]).charge(payments[2])
                .charge(payments[3])
                // the PSP took no fee for the first dispute, and one for the second
                .disputeWithdrawal("txn_dpw_" + missingAtPsp.disputeId(), missingAtPsp.disputeId(), p0.pspReference(),
                        1000, 0, "USD", at(day, 12))
                .disputeWithdrawal("txn_dpw_" + disputes[1].disputeId(), disputes[1].disputeId(),
                        payments[1].pspReference(), 2000, USD_DISPUTE_FEE, "USD", at(day, 12))
                .disputeWithdrawal(disputes[2]).disputeWithdrawal(disputes[3])
                // the PSP gave the third fee back and kept the fourth
                .disputeReversal(disputes[2].reinstatement(USD_DISPUTE_FEE, at(day, 15)))
                .disputeReversal(disputes[3].reinstatement(0, at(day, 16))));

        JsonNode report = api.run(day);

        assertThat(discrepancies(report)).containsExactlyInAnyOrder(
                new Found("DISPUTE_FEE_MISMATCH", p0.orderId(), p0.pspReference(), null, seller,
                        "WITHDRAWN 10.00 USD, fee 15.00 USD", "WITHDRAWN 10.00 USD, fee 0.00 USD"),
                new Found("DISPUTE_FEE_MISMATCH", payments[1].orderId(), payments[1].pspReference(), null, seller,
                        "WITHDRAWN 20.00 USD, fee 0.00 USD", "WITHDRAWN 20.00 USD, fee 15.00 USD"),
                new Found("DISPUTE_FEE_MISMATCH", payments[2].orderId(), payments[2].pspReference(), null, seller,
                        "REINSTATED 30.00 USD, fee 0.00 USD", "REINSTATED 30.00 USD, fee -15.00 USD"),
                new Found("DISPUTE_FEE_MISMATCH", payments[3].orderId(), payments[3].pspReference(), null, seller,
                        "REINSTATED 40.00 USD, fee -15.00 USD", "REINSTATED 40.00 USD, fee 0.00 USD"));
        assertThat(report.get("matched_count").asLong()).as("the charges and two withdrawals").isEqualTo(6);
        JsonNode feeBackAtPsp = byBalanceTransaction(report).get("txn_dpr_" + disputes[2].disputeId());
        assertThat(feeBackAtPsp.get("expected_fee_minor").asLong()).isZero();
        assertThat(feeBackAtPsp.get("actual_fee_minor").asLong()).isEqualTo(-USD_DISPUTE_FEE);
        assertThat(feeBackAtPsp.get("detail").asString()).startsWith("The PSP gave back another part of the dispute fee"
                + " for dispute " + disputes[2].disputeId());
        assertThat(byBalanceTransaction(report).get("txn_dpw_" + missingAtPsp.disputeId()).get("detail").asString())
                .startsWith("The PSP took another dispute fee for dispute " + missingAtPsp.disputeId());

        List<DiscrepancyFound> published = awaitPublished(day, 4);
        assertThat(published).extracting(DiscrepancyFound::getDiscrepancyType).containsOnly("DISPUTE_FEE_MISMATCH");
        assertThat(published).extracting(DiscrepancyFound::getActual).contains("WITHDRAWN 10.00 USD, fee 0.00 USD");
    }

    @Test
    void aDisputeMovementThePlatformHasNotRecordedOrARowTwiceIsDisputeUnknown() {
        LocalDate day = uniqueDay();
        TestPayment payment = TestPayment.of(seller(), 2999, "USD", at(day, 9));
        settledInPlatform(payment);
        TestDispute dispute = TestDispute.of(payment, USD_DISPUTE_FEE, DisputeFeeBearer.PLATFORM, at(day, 12));
        settledInPlatform(dispute); // the withdrawal only: its reinstatement was never recorded here
        PSP.serve(day, new BalanceTransactions().charge(payment)
                .disputeWithdrawal(dispute)                                                                  // line 2
                .disputeWithdrawal("txn_again", dispute.disputeId(), payment.pspReference(), 2999, USD_DISPUTE_FEE,
                        "USD", at(day, 13))                                                                  // line 3
                .disputeReversal(dispute.reinstatement(0, at(day, 15))));                                   // line 4

        JsonNode report = api.run(day);

        assertThat(discrepancies(report)).containsExactlyInAnyOrder(
                new Found("DISPUTE_UNKNOWN", payment.orderId(), payment.pspReference(), null, payment.seller(),
                        "none", "WITHDRAWN 29.99 USD, fee 15.00 USD"),
                new Found("DISPUTE_UNKNOWN", payment.orderId(), payment.pspReference(), null, payment.seller(),
                        "none", "REINSTATED 29.99 USD, fee 0.00 USD"));
        assertThat(report.get("matched_count").asLong()).as("the charge and the first withdrawal").isEqualTo(2);
        Map<String, JsonNode> byTransaction = byBalanceTransaction(report);
        assertThat(byTransaction.get("txn_again").get("detail").asString()).isEqualTo("The PSP withdrew the funds of"
                + " dispute " + dispute.disputeId() + " (payment order " + payment.orderId() + ") more than once:"
                + " balance transaction txn_again (line 3) is one the platform's dispute does not account for");
        assertThat(byTransaction.get("txn_dpr_" + dispute.disputeId()).get("detail").asString()).endsWith(
                "(line 4) and the platform has recorded no reinstatement of it");
    }

    @Test
    void aDisputeMovementThePlatformBookedAndThePspDoesNotShowIsDisputeMissingAtPsp() {
        LocalDate day = uniqueDay();
        String seller = seller();
        TestPayment early = TestPayment.of(seller, 1000, "USD", at(day.minusDays(1), 9));
        TestPayment won = TestPayment.of(seller, 2999, "USD", at(day.minusDays(1), 10));
        TestPayment dropped = TestPayment.of(seller, 4500, "USD", at(day.minusDays(1), 11));
        settledInPlatform(early, won, dropped);
        // booked just after midnight; the PSP's clock put the withdrawal on the day before
        TestDispute acrossMidnight = TestDispute.of(early, USD_DISPUTE_FEE, DisputeFeeBearer.PLATFORM,
                day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().plusSeconds(30));
        TestDispute wonDispute = TestDispute.of(won, USD_DISPUTE_FEE, DisputeFeeBearer.PLATFORM, at(day, 9));
        TestDispute.Reinstatement reinstatement = wonDispute.reinstatement(0, at(day, 14));
        TestDispute droppedDispute = TestDispute.of(dropped, USD_DISPUTE_FEE, DisputeFeeBearer.SELLER, at(day, 10));
        settledInPlatform(acrossMidnight);
        settledInPlatform(wonDispute);
        settledInPlatform(reinstatement);
        settledInPlatform(droppedDispute);
        PSP.serve(day.minusDays(1), new BalanceTransactions().charge(early).charge(won).charge(dropped)
                .disputeWithdrawal("txn_early", acrossMidnight.disputeId(), early.pspReference(), 1000, USD_DISPUTE_FEE,
                        "USD", day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().minusSeconds(10)));
        assertThat(discrepancies(api.run(day.minusDays(1)))).isEmpty();
        PSP.serve(day, new BalanceTransactions().disputeWithdrawal(wonDispute)); // no reversal, no dropped withdrawal

        JsonNode report = api.run(day);

        assertThat(discrepancies(report)).containsExactlyInAnyOrder(
                new Found("DISPUTE_MISSING_AT_PSP", won.orderId(), won.pspReference(), null, seller,
                        "REINSTATED 29.99 USD, fee 0.00 USD", "none"),
                new Found("DISPUTE_MISSING_AT_PSP", dropped.orderId(), dropped.pspReference(), null, seller,
                        "WITHDRAWN 45.00 USD, fee 15.00 USD", "none"));
        Map<String, JsonNode> byDispute = StreamSupport.stream(report.get("discrepancies").spliterator(), false)
                .collect(Collectors.toMap(d -> d.get("dispute_id").asString(), Function.identity()));
        assertThat(byDispute.get(droppedDispute.disputeId()).get("detail").asString()).isEqualTo("The platform"
                + " recorded the withdrawal of dispute " + droppedDispute.disputeId() + " of payment order "
                + dropped.orderId() + " (payment intent " + dropped.pspReference() + ") at " + day + "T10:00:00Z and"
                + " the PSP's balance transactions of " + day + " (nor of the day before) have no dispute withdrawal"
                + " for it");
        assertThat(byDispute.get(droppedDispute.disputeId()).get("balance_transaction_id").isNull()).isTrue();
        JsonNode usd = report.get("totals").get(0);
        assertThat(usd.get("expected_count").asLong()).as("a dispute is not a payment").isZero();
        assertThat(usd.get("difference_minor").asLong()).isZero();
    }

    @Test
    void aDisputesWithheldWalletOrLedgerEventIsDisputeWalletOrLedgerMissingAndNothingElse() {
        LocalDate day = uniqueDay();
        String seller = seller();
        TestPayment noDebit = TestPayment.of(seller, 2999, "USD", at(day, 9));
        TestPayment noEntry = TestPayment.of(seller, 1000, "USD", at(day, 10));
        settledInPlatform(noDebit, noEntry);
        TestDispute walletWithheld = TestDispute.of(noDebit, USD_DISPUTE_FEE, DisputeFeeBearer.SELLER, at(day, 12));
        TestDispute ledgerWithheld = TestDispute.of(noEntry, USD_DISPUTE_FEE, DisputeFeeBearer.PLATFORM, at(day, 13));
        publishAndAwait(walletWithheld.withdrawn(), walletWithheld.withdrawalRecorded(),
                ledgerWithheld.withdrawn(), ledgerWithheld.debited());
        PSP.serve(day, new BalanceTransactions().charge(noDebit).charge(noEntry)
                .disputeWithdrawal(walletWithheld).disputeWithdrawal(ledgerWithheld));

        JsonNode report = api.run(day);

        assertThat(discrepancies(report)).as("no WALLET_LEDGER_MISMATCH: one fault, one finding")
                .containsExactlyInAnyOrder(
                        new Found("DISPUTE_WALLET_MISSING", noDebit.orderId(), noDebit.pspReference(), null, seller,
                                "DEBITED 44.99 USD", "none"),
                        new Found("DISPUTE_LEDGER_MISSING", noEntry.orderId(), noEntry.pspReference(), null, seller,
                                "POSTED 10.00 USD", "none"));
        assertThat(report.get("matched_count").asLong()).isEqualTo(4);
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
