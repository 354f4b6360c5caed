package dev.kassa.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.launcher.bench.Bench;
import dev.kassa.launcher.bench.BenchOptions;
import dev.kassa.launcher.bench.BenchResult;
import dev.kassa.launcher.bench.BenchTarget;
import dev.kassa.launcher.bench.MeasuredStatement;
import dev.kassa.launcher.checks.SystemInvariants.Check;
import dev.kassa.systemtests.support.Kassa;
import dev.kassa.systemtests.support.SystemTest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code ./kassa bench} as CI can afford it: a 5 s warm-up and 10 s of open-loop load at 50 checkouts/s against the
 * shared system. Only what must hold on any machine is asserted (every checkout completed, each charged, credited and
 * posted exactly once, the books agree, the statement figures count the measured phase only); its timings and CPU
 * figures are printed, never asserted.
 */
@SystemTest
class BenchSmokeTest {

    private static final int WARM_UP_CHECKOUTS = 250;
    private static final int MEASURED_CHECKOUTS = 500;

    @Test
    void fiftyCheckoutsPerSecondForTenSecondsAllCompleteExactlyOnce(Kassa kassa) {
        BenchOptions options = BenchOptions.parse(List.of("--rate", "50", "--warmup", "5s", "--duration", "10s",
                "--sellers", "20", "--sql-top", "100", "--drain-timeout", "300s"), Path.of("target"));

        BenchResult result = new Bench(BenchTarget.of(kassa.system()), options).run(System.out);

        assertThat(result.offeredCheckouts()).isEqualTo(WARM_UP_CHECKOUTS + MEASURED_CHECKOUTS);
        assertThat(result.completedCheckouts()).as("checkouts completed after the drain").isEqualTo(result.offeredCheckouts());
        assertThat(result.failedChecks()).extracting(Check::name, Check::problems).isEmpty();
        // One statement inserts each checkout (a POST the load retried runs it again): the measured phase's count
        // leaves the warm-up's checkouts out, or every figure per order would be inflated by them.
        assertThat(result.topStatements().get("payment"))
                .filteredOn(statement -> statement.query().contains("INSERT INTO checkout"))
                .singleElement()
                .extracting(MeasuredStatement::calls)
                .satisfies(calls -> assertThat(calls).isBetween((long) MEASURED_CHECKOUTS,
                        (long) MEASURED_CHECKOUTS + WARM_UP_CHECKOUTS - 1));
    }
}
