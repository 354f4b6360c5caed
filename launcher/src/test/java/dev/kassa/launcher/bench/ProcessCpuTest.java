package dev.kassa.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The JIT's share of a JVM's CPU, read from its threads: the compiler threads of this very JVM (which compiled JUnit
 * and this class before the test ran), none for a process that is not a JVM, and a window's share as a difference.
 */
class ProcessCpuTest {

    @Test
    void thisJvmsCompilerThreadsHaveUsedPartOfItsCpu() {
        assumeTrue(ProcessCpu.available(), "needs Linux's /proc");
        long self = ProcessHandle.current().pid();

        long jit = ProcessCpu.jitNanos(self);

        assertThat(jit).isPositive().isLessThanOrEqualTo(ProcessCpu.nanos(self, false));
    }

    @Test
    void aProcessThatIsNotAJvmOrIsGoneHasNoJit() throws Exception {
        assumeTrue(ProcessCpu.available(), "needs Linux's /proc");
        Process sleep = new ProcessBuilder("sleep", "30").start();
        try {
            assertThat(ProcessCpu.jitNanos(sleep.pid())).isZero();
        } finally {
            sleep.destroy();
            sleep.waitFor();
        }
        assertThat(ProcessCpu.jitNanos(sleep.pid())).isZero();
    }

    @Test
    void aWindowsJitIsTheDifferenceOfTwoSamplesAndPostgresqlHasNone() {
        CpuMeter.Sample before = new CpuMeter.Sample(1_000, Map.of("payment-service", 400L, "postgresql", 300L),
                Map.of("payment-service", 100L));
        CpuMeter.Sample after = new CpuMeter.Sample(3_000, Map.of("payment-service", 1_400L, "postgresql", 900L),
                Map.of("payment-service", 350L));

        CpuMeter.Sample window = after.minus(before);

        assertThat(window.wallNanos()).isEqualTo(2_000);
        assertThat(window.nanos("payment-service")).isEqualTo(1_000);
        assertThat(window.jit("payment-service")).isEqualTo(OptionalLong.of(250));
        assertThat(window.jit("postgresql")).isEmpty();
        assertThat(window.totalJitNanos()).isEqualTo(250);
    }
}
