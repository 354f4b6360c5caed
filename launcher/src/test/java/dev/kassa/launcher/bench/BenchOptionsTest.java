package dev.kassa.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class BenchOptionsTest {

    private static final Path WORK_DIR = Path.of("/repo/.kassa");

    @Test
    void defaultsAreOneMinuteAtFiftyCheckoutsPerSecondOnTheStartedSystem() {
        BenchOptions options = BenchOptions.parse(List.of(), WORK_DIR);

        assertThat(options.rate()).isEqualTo(50);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.warmup()).isZero();
        assertThat(options.orders()).isEqualTo(1);
        assertThat(options.sellers()).isEqualTo(100);
        assertThat(options.hotSeller()).isZero();
        assertThat(options.pspLatencyMs()).isNegative();
        assertThat(options.stepping()).isFalse();
        assertThat(options.card()).isEqualTo("tok_visa");
        assertThat(options.useRunning()).isFalse();
        assertThat(options.workDir()).isEqualTo(WORK_DIR);
        assertThat(options.maxCheckouts()).isEqualTo(3000);
    }

    @Test
    void readsEveryOption() {
        BenchOptions options = BenchOptions.parse(List.of("--rate", "120.5", "--duration", "2m", "--warmup", "500ms",
                "--orders", "3", "--sellers", "7", "--hot-seller", "0.25", "--psp-latency-ms", "40", "--step", "50",
                "--max-stages", "4", "--drain-timeout", "90", "--sql-top", "5", "--card", "tok_mastercard",
                "--use-running", "--work-dir", "/tmp/k"), WORK_DIR);

        assertThat(options.rate()).isEqualTo(120.5);
        assertThat(options.duration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.warmup()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.orders()).isEqualTo(3);
        assertThat(options.sellers()).isEqualTo(7);
        assertThat(options.hotSeller()).isEqualTo(0.25);
        assertThat(options.pspLatencyMs()).isEqualTo(40);
        assertThat(options.step()).isEqualTo(50);
        assertThat(options.maxStages()).isEqualTo(4);
        assertThat(options.drainTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(options.sqlTop()).isEqualTo(5);
        assertThat(options.card()).isEqualTo("tok_mastercard");
        assertThat(options.useRunning()).isTrue();
        assertThat(options.workDir()).isEqualTo(Path.of("/tmp/k"));
        assertThat(options.rateOfStage(3)).isEqualTo(270.5);
    }

    @Test
    void refusesUnknownMissingAndUnboundedValues() {
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--rates", "5")).withMessageContaining("--rates");
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--rate")).withMessageContaining("needs a value");
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--rate", "0"));
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--rate", "fast"));
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--duration", "1h"));
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--duration", "31m"));
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--orders", "51"));
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--hot-seller", "1.5"));
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--psp-latency-ms", "-1"));
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--card", "4242 4242"));
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--rate", "5000", "--duration", "30m"))
                .withMessageContaining("checkouts");
    }

    private static BenchOptions parse(String... args) {
        return BenchOptions.parse(List.of(args), WORK_DIR);
    }
}
