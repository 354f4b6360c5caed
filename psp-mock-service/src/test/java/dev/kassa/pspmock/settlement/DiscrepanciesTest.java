package dev.kassa.pspmock.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import dev.kassa.pspmock.support.PspIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link Discrepancies} against the real PostgreSQL, on a day of their own that no other test uses. */
class DiscrepanciesTest extends PspIntegrationTest {

    @Autowired
    Discrepancies discrepancies;

    @Test
    void savedDiscrepanciesGetTheirIdAndAreListedInTheOrderTheyWereInjected() {
        LocalDate day = LocalDate.of(2900, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(10_000));
        Discrepancy added = discrepancies.save(discrepancy(day, Discrepancy.ADD_ROW, 1000L));
        Discrepancy dropped = discrepancies.save(discrepancy(day, Discrepancy.DROP_ROW, null));

        assertThat(added.id()).isPositive();
        assertThat(dropped.id()).isGreaterThan(added.id());
        assertThat(discrepancies.findByDateOrderById(day)).containsExactly(added, dropped);
        assertThat(discrepancies.findByDateOrderById(day.plusDays(1))).isEmpty();

        assertThat(discrepancies.deleteOn(day)).isEqualTo(2);
        assertThat(discrepancies.findByDateOrderById(day)).isEmpty();
    }

    private static Discrepancy discrepancy(LocalDate day, String kind, Long amount) {
        return new Discrepancy(0, day, kind, "txn_test", amount, amount == null ? null : 39L, "charge", "pi_test",
                "po-test", null, "EUR", Instant.now().truncatedTo(ChronoUnit.MICROS));
    }
}
