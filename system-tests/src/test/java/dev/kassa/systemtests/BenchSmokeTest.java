package dev.kassa.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.launcher.bench.Bench;
import dev.kassa.launcher.bench.BenchOptions;
import dev.kassa.launcher.bench.BenchResult;
import dev.kassa.launcher.bench.BenchTarget;
import dev.kassa.launcher.checks.SystemInvariants.Check;
import dev.kassa.systemtests.support.Kassa;
import dev.kassa.systemtests.support.SystemTest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code ./kassa bench} as CI can afford it: 10 s of open-loop load at 50 checkouts/s against the shared system.
 * Only what must hold on any machine is asserted (every checkout completed, each charged, credited and posted
 * exactly once, the books agree); its timings and CPU figures are printed, never asserted.
 */
@SystemTest
class BenchSmokeTest {

    @Test
    void fiftyCheckoutsPerSecondForTenSecondsAllCompleteExactlyOnce(Kassa kassa) {
        BenchOptions options = BenchOptions.parse(List.of("--rate", "50", "--duration", "10s", "--sellers", "20",
                "--drain-timeout", "300s"), Path.of("target"));

        BenchResult result = new Bench(BenchTarget.of(kassa.system()), options).run(System.out);

        assertThat(result.offeredCheckouts()).isEqualTo(500);
        assertThat(result.completedCheckouts()).as("checkouts completed after the drain").isEqualTo(result.offeredCheckouts());
        assertThat(result.failedChecks()).extracting(Check::name, Check::problems).isEmpty();
    }
}
