package dev.kassa.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A part's CPU across a restart: the ended process's last reading is kept, and the total never goes down. */
class CumulativeCpuTest {

    @Test
    void aRestartedProcessAddsToWhatItsPredecessorUsedAndTheTotalNeverShrinks() {
        CumulativeCpu cpu = new CumulativeCpu(100);

        assertThat(cpu.read(100, 5_000)).isEqualTo(5_000);
        assertThat(cpu.read(100, 8_000)).isEqualTo(8_000);
        // Ended; its successor is not listening yet: the last reading stands.
        assertThat(cpu.total()).isEqualTo(8_000);
        assertThat(cpu.read(200, 1_500)).isEqualTo(9_500);
        assertThat(cpu.pid()).isEqualTo(200);
        // A reading of 0 (the process's /proc entry gone between the check and the read) takes nothing away.
        assertThat(cpu.read(200, 0)).isEqualTo(9_500);
        assertThat(cpu.read(200, 2_000)).isEqualTo(10_000);
    }
}
