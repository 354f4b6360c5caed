package dev.kassa.reconciliation.run;

import static dev.kassa.reconciliation.support.ReportClient.discrepancies;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.reconciliation.support.ReconciliationTestBase;
import dev.kassa.reconciliation.support.ReportClient.Found;
import dev.kassa.reconciliation.support.BalanceTransactions;
import dev.kassa.reconciliation.support.TestPayment;
import dev.kassa.reconciliation.support.TestRefund;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Each discrepancy type, produced by injecting exactly that one fault into an otherwise clean day (a
 * settlement row dropped, changed or added; a platform event withheld or doubled), is reported exactly
 * once and as exactly that type.
 */
class DiscrepancyClassificationTest extends ReconciliationTestBase {

    @Test
    void aCleanDayMatchesEveryRowAndReportsNothing() {
        LocalDate day = uniqueDay();
        String seller = seller();
        TestPayment usd = TestPayment.of(seller, 2999, "USD", at(day, 9));
        TestPayment eur = TestPayment.of(seller, 1500, "EUR", at(day, 10));
        TestPayment jpy = TestPayment.of(seller(), 1200, "JPY", at(day, 11));
        TestPayment kwd = TestPayment.of(seller(), 12345, "KWD", at(day, 12));
        TestPayment declined = TestPayment.of(seller, 700, "USD", at(day, 13));
        TestRefund refund = TestRefund.of(usd, 500, at(day, 14));
        settledInPlatform(usd, eur, jpy, kwd);
        settledInPlatform(refund);
        publishAndAwait(declined.failed(at(day, 13)));
        PSP.serve(day, new BalanceTransactions().charge(usd).charge(eur).charge(jpy).charge(kwd).refund(refund));

        JsonNode report = api.run(day);

        assertThat(report.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(report.get("rows_read").asLong()).isEqualTo(5);
        assertThat(report.get("matched_count").asLong()).isEqualTo(5);
        assertThat(report.get("discrepancy_count").asLong()).isZero();
        assertThat(report.get("malformed_count").asLong()).isZero();
        assertThat(discrepancies(report)).isEmpty();
        JsonNode totals = report.get("totals");
        assertThat(totals).hasSize(4);
        for (JsonNode total : totals) {
            assertThat(total.get("difference_minor").asLong()).as(total.toString()).isZero();
            assertThat(total.get("psp_gross_minor").asLong()).isEqualTo(total.get("expected_gross_minor").asLong());
            assertThat(total.get("psp_net_minor").asLong())
                    .isEqualTo(total.get("psp_gross_minor").asLong() - total.get("psp_fees_minor").asLong());
        }
        JsonNode usdTotal = totals.get(3);
        assertThat(usdTotal.get("currency").asString()).isEqualTo("USD");
        assertThat(usdTotal.get("psp_count").asLong()).isEqualTo(2);
        assertThat(usdTotal.get("psp_gross").asString()).isEqualTo("24.99");
        assertThat(usdTotal.get("expected_gross").asString()).isEqualTo("24.99");
        assertThat(totals.get(1).get("psp_gross").asString()).as("JPY has no minor digits").isEqualTo("1200");
        assertThat(totals.get(2).get("psp_gross").asString()).as("KWD has three").isEqualTo("12.345");
        assertThat(outboxRows(day)).as("nothing to publish").isZero();
    }

    @Test
    void aChargeThePlatformNeverSentIsMissingInPlatform() {
        LocalDate day = uniqueDay();
        TestPayment known = TestPayment.of(seller(), 2999, "USD", at(day, 9));
        settledInPlatform(known);
        PSP.serve(day, new BalanceTransactions().charge(known)
                .charge("txn_stranger", "pi_stranger", "po-never-sent", 1000, 59, "USD", at(day, 10))
                );

        assertThat(discrepancies(api.run(day))).containsExactly(new Found("MISSING_IN_PLATFORM", "po-never-sent",
                "pi_stranger", null, null, "none", "CHARGED 10.00 USD"));
    }

    @Test
    void aRefundThePlatformDoesNotKnowIsMissingInPlatform() {
        LocalDate day = uniqueDay();
        TestPayment payment = TestPayment.of(seller(), 2999, "USD", at(day, 9));
        settledInPlatform(payment);
        PSP.serve(day, new BalanceTransactions().charge(payment)
                .refund("txn_re_unknown", payment.pspReference(), payment.orderId(), "re_unknown", 999, "USD", at(day, 11))
                );

        assertThat(discrepancies(api.run(day))).containsExactly(new Found("MISSING_IN_PLATFORM", payment.orderId(),
                payment.pspReference(), "re_unknown", null, "none", "REFUNDED 9.99 USD"));
    }

    @Test
    void aSecondChargeForOneOrderIsMissingInPlatform() {
        LocalDate day = uniqueDay();
        TestPayment payment = TestPayment.of(seller(), 2999, "USD", at(day, 9));
        settledInPlatform(payment);
        PSP.serve(day, new BalanceTransactions().charge(payment)
                .charge("txn_again", "pi_retry_attempt", payment.orderId(), 2999, 117, "USD", at(day, 10))
                );

        JsonNode report = api.run(day);

        assertThat(discrepancies(report)).containsExactly(new Found("MISSING_IN_PLATFORM", payment.orderId(),
                "pi_retry_attempt", null, payment.seller(), "none", "CHARGED 29.99 USD"));
        assertThat(report.get("matched_count").asLong()).isEqualTo(1);
    }

    @Test
    void aSuccessTheFileLacksIsMissingAtPsp() {
        LocalDate day = uniqueDay();
        TestPayment settled = TestPayment.of(seller(), 2999, "USD", at(day, 9));
        TestPayment dropped = TestPayment.of(seller(), 4500, "EUR", at(day, 10));
        settledInPlatform(settled, dropped);
        PSP.serve(day, new BalanceTransactions().charge(settled));

        JsonNode report = api.run(day);

        assertThat(discrepancies(report)).containsExactly(new Found("MISSING_AT_PSP", dropped.orderId(),
                dropped.pspReference(), null, dropped.seller(), "SUCCEEDED 45.00 EUR", "none"));
        JsonNode eur = report.get("totals").get(0);
        assertThat(eur.get("currency").asString()).isEqualTo("EUR");
        assertThat(eur.get("psp_gross_minor").asLong()).isZero();
        assertThat(eur.get("expected_gross_minor").asLong()).isEqualTo(4500);
        assertThat(eur.get("difference").asString()).isEqualTo("-45.00");
    }

    @Test
    void aRefundTheFileLacksIsMissingAtPsp() {
        LocalDate day = uniqueDay();
        TestPayment payment = TestPayment.of(seller(), 2999, "USD", at(day, 9));
        TestRefund refund = TestRefund.of(payment, 1000, at(day, 12));
        settledInPlatform(payment);
        settledInPlatform(refund);
        PSP.serve(day, new BalanceTransactions().charge(payment));

        assertThat(discrepancies(api.run(day))).containsExactly(new Found("MISSING_AT_PSP", payment.orderId(),
                payment.pspReference(), refund.refundId(), payment.seller(), "SUCCEEDED 10.00 USD", "none"));
    }

    @Test
    void aChangedAmountIsAnAmountMismatch() {
        LocalDate day = uniqueDay();
        TestPayment payment = TestPayment.of(seller(), 2999, "USD", at(day, 9));
        settledInPlatform(payment);
        PSP.serve(day, new BalanceTransactions().charge(payment.withAmount(3000)));

        JsonNode report = api.run(day);

        assertThat(discrepancies(report)).containsExactly(new Found("AMOUNT_MISMATCH", payment.orderId(),
                payment.pspReference(), null, payment.seller(), "29.99 USD", "30.00 USD"));
        JsonNode usd = report.get("totals").get(0);
        assertThat(usd.get("difference_minor").asLong()).isEqualTo(1);
    }

    @Test
    void aRefundOfAnotherAmountIsAnAmountMismatch() {
        LocalDate day = uniqueDay();
        TestPayment payment = TestPayment.of(seller(), 2999, "USD", at(day, 9));
        TestRefund refund = TestRefund.of(payment, 1000, at(day, 12));
        settledInPlatform(payment);
        settledInPlatform(refund);
        PSP.serve(day, new BalanceTransactions().charge(payment)
                .refund("txn_" + refund.pspRefundReference(), payment.pspReference(), payment.orderId(),
                        refund.pspRefundReference(), 1200, "USD", refund.at())
                );

        assertThat(discrepancies(api.run(day))).containsExactly(new Found("AMOUNT_MISMATCH", payment.orderId(),
                payment.pspReference(), refund.refundId(), payment.seller(), "10.00 USD", "12.00 USD"));
    }

    @Test
    void anotherCurrencyIsACurrencyMismatch() {
        LocalDate day = uniqueDay();
        TestPayment payment = TestPayment.of(seller(), 2999, "USD", at(day, 9));
        settledInPlatform(payment);
        PSP.serve(day, new BalanceTransactions()
                .charge("txn_1", payment.pspReference(), payment.orderId(), 2999, 117, "EUR", payment.at())
                );

        assertThat(discrepancies(api.run(day))).containsExactly(new Found("CURRENCY_MISMATCH", payment.orderId(),
                payment.pspReference(), null, payment.seller(), "29.99 USD", "29.99 EUR"));
    }

    @Test
    void aChargeForAPaymentWeSayFailedIsAStatusMismatch() {
        LocalDate day = uniqueDay();
        TestPayment payment = TestPayment.of(seller(), 2999, "USD", at(day, 9));
        publishAndAwait(payment.failed(at(day, 9)));
        PSP.serve(day, new BalanceTransactions().charge(payment));

        assertThat(discrepancies(api.run(day))).containsExactly(new Found("STATUS_MISMATCH", payment.orderId(),
                payment.pspReference(), null, payment.seller(), "FAILED 29.99 USD", "CHARGED 29.99 USD"));
    }

    @Test
    void aWithheldLedgerEventIsLedgerMissingAndNothingElse() {
        LocalDate day = uniqueDay();
        TestPayment payment = TestPayment.of(seller(), 2999, "USD", at(day, 9));
        TestPayment other = TestPayment.of(payment.seller(), 1000, "USD", at(day, 10));
        settledInPlatform(other);
        publishAndAwait(payment.succeeded(), payment.credited());
        PSP.serve(day, new BalanceTransactions().charge(payment).charge(other));

        assertThat(discrepancies(api.run(day))).containsExactly(new Found("LEDGER_MISSING", payment.orderId(),
                payment.pspReference(), null, payment.seller(), "POSTED 29.99 USD", "none"));
    }

    @Test
    void aWithheldWalletEventIsWalletMissingAndNothingElse() {
        LocalDate day = uniqueDay();
        TestPayment payment = TestPayment.of(seller(), 2999, "USD", at(day, 9));
        TestRefund refund = TestRefund.of(payment, 500, at(day, 15));
        publishAndAwait(payment.succeeded(), payment.credited(), payment.recorded(),
                refund.succeeded(), refund.recorded());
        PSP.serve(day, new BalanceTransactions().charge(payment).refund(refund));

        assertThat(discrepancies(api.run(day))).containsExactly(new Found("WALLET_MISSING", payment.orderId(),
                payment.pspReference(), refund.refundId(), payment.seller(), "DEBITED 5.00 USD", "none"));
    }

    @Test
    void aDoubleWalletCreditIsAWalletLedgerMismatch() {
        LocalDate day = uniqueDay();
        TestPayment payment = TestPayment.of(seller(), 2999, "USD", at(day, 9));
        settledInPlatform(payment);
        publishAndAwait(payment.credited()); // wallet-service credited the same payment a second time
        PSP.serve(day, new BalanceTransactions().charge(payment));

        assertThat(discrepancies(api.run(day))).containsExactly(new Found("WALLET_LEDGER_MISMATCH", null, null, null,
                payment.seller(), "29.99 USD", "59.98 USD"));
    }

    @Test
    void aMissingLedgerEntryIsNoDiscrepancyWithinTheGracePeriod() {
        LocalDate day = uniqueDay();
        clock.set(at(day, 12)); // the run happens at noon of the day; the grace period is 2 minutes here
        TestPayment recent = TestPayment.of(seller(), 2999, "USD", at(day, 12).minusSeconds(60));
        TestPayment old = TestPayment.of(recent.seller(), 1999, "USD", at(day, 11));
        publishAndAwait(recent.succeeded(), recent.credited(), old.succeeded(), old.credited());
        PSP.serve(day, new BalanceTransactions().charge(recent).charge(old));

        assertThat(discrepancies(api.run(day))).containsExactly(new Found("LEDGER_MISSING", old.orderId(),
                old.pspReference(), null, old.seller(), "POSTED 19.99 USD", "none"));
    }

    private long outboxRows(LocalDate day) {
        return jdbc.sql("SELECT count(*) FROM outbox_message WHERE message_key = :key")
                .param("key", day.toString()).query(Long.class).single();
    }
}
