package dev.kassa.console.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What the console says about each class of discrepancy reconciliation-service reports. */
@Tag("fast")
class DiscrepancyClassTest {

    /** reconciliation-service's {@code DiscrepancyType}, every value. */
    private static final List<String> REPORTED = List.of("MISSING_IN_PLATFORM", "MISSING_AT_PSP", "AMOUNT_MISMATCH",
            "CURRENCY_MISMATCH", "STATUS_MISMATCH", "LEDGER_MISSING", "WALLET_MISSING", "WALLET_LEDGER_MISMATCH",
            "DISPUTE_UNKNOWN", "DISPUTE_AMOUNT_MISMATCH", "DISPUTE_FEE_MISMATCH", "DISPUTE_MISSING_AT_PSP",
            "DISPUTE_LEDGER_MISSING", "DISPUTE_WALLET_MISSING");

    @Test
    void everyClassTheServiceReportsIsKnownWithAMeaningAndAnAction() {
        for (String type : REPORTED) {
            DiscrepancyClass known = DiscrepancyClass.of(type);
            assertThat(known).as(type).isNotEqualTo(DiscrepancyClass.UNKNOWN);
            assertThat(known.name()).isEqualTo(type);
            assertThat(known.meaning()).as(type).isNotBlank();
            assertThat(known.action()).as(type).isNotBlank();
        }
        assertThat(DiscrepancyClass.of("SOMETHING_NEW")).as("a class still to come")
                .isEqualTo(DiscrepancyClass.UNKNOWN);
    }

    @Test
    void aDisputeOurBooksDoNotRecordSaysWhereToFindItAndHowItGetsBooked() {
        DiscrepancyClass dispute = DiscrepancyClass.of("DISPUTE_UNKNOWN");

        assertThat(dispute.meaning()).startsWith("The PSP withdrew (or gave back) money for a dispute, or a movement "
                + "of it, that our books have not recorded");
        assertThat(dispute.action()).contains("Disputes page", "rerun the day", "dead letters");
    }

    @Test
    void aDisputeFeeMismatchSaysInWhichSignFeesRead() {
        assertThat(DiscrepancyClass.of("DISPUTE_FEE_MISMATCH").meaning()).contains("taken positive, given back "
                + "negative");
    }
}
