package dev.kassa.ledger.trialbalance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.ledger.LedgerIntegrationTest;
import dev.kassa.schemas.event.DisputeFeeBearer;
import dev.kassa.schemas.event.DisputeFundsWithdrawn;
import dev.kassa.schemas.event.PaymentOrderSucceeded;
import dev.kassa.testfixtures.TestEvents;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrialBalanceApiTest extends LedgerIntegrationTest {

    @Test
    void debitsAndCreditsGrowTogetherPerCurrency() {
        Map<String, Object> before = kwd(trialBalance());
        String seller = TestEvents.id("seller");
        String order = TestEvents.id("po");

        ledger().payment(order, seller, 12_345, "KWD");
        ledger().refund(order, "rf_1", seller, 345, "KWD");

        Map<String, Object> body = trialBalance();
        assertThat(body).containsEntry("balanced", true);
        Map<String, Object> after = kwd(body);
        assertThat(minor(after, "total_debits_minor")).isEqualTo(minor(before, "total_debits_minor") + 12_690);
        assertThat(minor(after, "total_credits_minor")).isEqualTo(minor(before, "total_credits_minor") + 12_690);
        assertThat(after.get("total_debits")).isEqualTo(after.get("total_credits"));
        assertThat((String) after.get("total_debits")).matches("[0-9]+\\.[0-9]{3}");
        assertThat(after).containsEntry("balanced", true);
    }

    @Test
    void disputesKeepItBalancedWhoeverBearsTheFee() {
        String seller = TestEvents.id("seller");
        long debits = minor(kwd(trialBalance()), "total_debits_minor");
        PaymentOrderSucceeded first = ledger().payment(TestEvents.id("po"), seller, 10_000, "KWD");
        PaymentOrderSucceeded second = ledger().payment(TestEvents.id("po"), seller, 4_000, "KWD");
        long expected = debits + 14_000;

        for (DisputeFeeBearer bearer : DisputeFeeBearer.values()) {
            PaymentOrderSucceeded payment = bearer == DisputeFeeBearer.PLATFORM ? first : second;
            DisputeFundsWithdrawn withdrawn = ledger().disputeWithdrawn(payment, 2_500, bearer);
            expected += payment.getAmountMinor() + 2_500; // the debits: the seller's amount and the fee
            assertBalancedWithDebits(expected);

            ledger().disputeReinstated(withdrawn, 2_000);
            expected += payment.getAmountMinor() + 2_000; // psp_receivable's debit: amount and fee given back
            assertBalancedWithDebits(expected);
        }
    }

    /** Balanced overall and in KWD, where every debit of these tests is counted. */
    private void assertBalancedWithDebits(long debitsMinor) {
        Map<String, Object> body = trialBalance();
        assertThat(body).containsEntry("balanced", true);
        Map<String, Object> kwd = kwd(body);
        assertThat(kwd).containsEntry("balanced", true);
        assertThat(minor(kwd, "total_debits_minor")).isEqualTo(debitsMinor);
        assertThat(minor(kwd, "total_credits_minor")).isEqualTo(debitsMinor);
    }

    private Map<String, Object> trialBalance() {
        return http().get().uri("/api/v1/ledger/trial-balance").retrieve().body(JSON);
    }

    private static Map<String, Object> kwd(Map<String, Object> trialBalance) {
        return ((List<Map<String, Object>>) trialBalance.get("currencies")).stream()
                .filter(c -> c.get("currency").equals("KWD")).findFirst()
                .orElse(Map.of("total_debits_minor", 0, "total_credits_minor", 0));
    }

    private static long minor(Map<String, Object> totals, String field) {
        return ((Number) totals.get(field)).longValue();
    }
}
