package dev.kassa.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class LauncherOptionsTest {

    private static final Path DEFAULT_WORK_DIR = Path.of("/repo/.kassa");

    @Test
    void withoutOptionsItRunsTheDemoAndKeepsRunningOnPersistentData() {
        LauncherOptions options = LauncherOptions.parse(List.of(), DEFAULT_WORK_DIR);

        assertThat(options.demo()).isTrue();
        assertThat(options.exitAfterDemo()).isFalse();
        assertThat(options.fresh()).isFalse();
        assertThat(options.workDir()).isEqualTo(DEFAULT_WORK_DIR);
        assertThat(options.instances()).isEqualTo(1);
    }

    @Test
    void readsEveryOption() {
        LauncherOptions options = LauncherOptions.parse(
                List.of("--exit-after-demo", "--fresh", "--work-dir", "/tmp/k", "--instances", "2"), DEFAULT_WORK_DIR);

        assertThat(options.exitAfterDemo()).isTrue();
        assertThat(options.fresh()).isTrue();
        assertThat(options.workDir()).isEqualTo(Path.of("/tmp/k"));
        assertThat(options.instances()).isEqualTo(2);
        assertThat(LauncherOptions.parse(List.of("--no-demo"), DEFAULT_WORK_DIR).demo()).isFalse();
    }

    @Test
    void refusesUnknownAndContradictoryOptions() {
        assertThatIllegalArgumentException().isThrownBy(() -> LauncherOptions.parse(List.of("--demo"), DEFAULT_WORK_DIR))
                .withMessageContaining("--demo");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LauncherOptions.parse(List.of("--no-demo", "--exit-after-demo"), DEFAULT_WORK_DIR));
        assertThatIllegalArgumentException().isThrownBy(() -> LauncherOptions.parse(List.of("--work-dir"), DEFAULT_WORK_DIR));
        for (String instances : List.of("0", "5", "two")) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> LauncherOptions.parse(List.of("--instances", instances), DEFAULT_WORK_DIR))
                    .withMessageContaining("--instances must be a number from 1 to 4");
        }
    }
}
