package dev.kassa.reconciliation.run;

import static dev.kassa.reconciliation.support.ReportClient.discrepancies;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.reconciliation.support.ReconciliationTestBase;
import dev.kassa.reconciliation.support.BalanceTransactions;
import dev.kassa.reconciliation.support.TestPayment;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The nightly job reconciles the previous UTC day (its cron is switched off in tests; the job is called directly). */
class NightlyReconciliationTest extends ReconciliationTestBase {

    @Autowired
    NightlyReconciliation nightly;

    @Test
    void theNightlyRunReconcilesThePreviousUtcDay() {
        LocalDate yesterday = uniqueDay();
        TestPayment payment = TestPayment.of(seller(), 2999, "USD", at(yesterday, 23));
        settledInPlatform(payment);
        PSP.serve(yesterday, new BalanceTransactions().charge(payment));
        clock.set(at(yesterday.plusDays(1), 2)); // 02:00 UTC the next day, the default schedule

        nightly.reconcileYesterday();

        JsonNode report = api.report(yesterday);
        assertThat(report.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(report.get("trigger").asString()).isEqualTo("SCHEDULE");
        assertThat(report.get("requested_by").get("actor").asString()).isEqualTo("system:scheduler");
        assertThat(report.get("requested_by").get("request_id").isNull()).as("no request behind it").isTrue();
        assertThat(report.get("matched_count").asLong()).isEqualTo(1);
        assertThat(discrepancies(report)).isEmpty();
    }

    @Test
    void aFailedNightlyRunIsRecordedAndDoesNotThrow() {
        LocalDate yesterday = uniqueDay();
        PSP.refuse(yesterday, 500, "{\"error\":{\"type\":\"api_error\"}}");
        clock.set(at(yesterday.plusDays(1), 2));

        nightly.reconcileYesterday();

        JsonNode report = api.report(yesterday);
        assertThat(report.get("status").asString()).isEqualTo("FAILED");
        assertThat(report.get("error").asString()).contains("The PSP answered 500");
    }
}
