package dev.kassa.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.kassa.launcher.access.OperatorKey;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class SystemSettingsTest {

    private static final SystemSettings DEFAULTS = SystemSettings.defaults(Path.of("/tmp/kassa"));

    @Test
    void theConsoleHasItsDocumentedPortAndNoExtraOperatorsByDefault() {
        assertThat(DEFAULTS.consolePort()).isEqualTo(SystemSettings.DEFAULT_CONSOLE_PORT).isEqualTo(8086);
        assertThat(DEFAULTS.consoleUrl()).isEqualTo("http://127.0.0.1:8086");
        assertThat(DEFAULTS.extraOperators()).isEmpty();
    }

    @Test
    void aSystemWithoutTheConsoleHasNoConsoleAddress() {
        SystemSettings settings = DEFAULTS.withConsolePort(SystemSettings.NO_CONSOLE);

        assertThat(DEFAULTS.hasConsole()).isTrue();
        assertThat(settings.hasConsole()).isFalse();
        assertThatIllegalStateException().isThrownBy(settings::consoleUrl);
    }

    @Test
    void theConsolePortAndTheExtraOperatorsSurviveMoreInstances() {
        OperatorKey viewer = OperatorKey.generate("viewer-only", List.of("VIEWER"));
        int[] next = {20_000};

        SystemSettings settings = DEFAULTS.withConsolePort(19_086).withOperators(List.of(viewer))
                .withInstances(2, () -> next[0]++);

        assertThat(settings.consoleUrl()).isEqualTo("http://127.0.0.1:19086");
        assertThat(settings.extraOperators()).containsExactly(viewer);
        assertThat(settings.instances()).isEqualTo(2);
        assertThat(DEFAULTS.withInstances(3).withConsolePort(1234).instances()).isEqualTo(3);
    }

    @Test
    void withOperatorsReplacesTheExtraOperatorsGivenBefore() {
        OperatorKey viewer = OperatorKey.generate("viewer-only", List.of("VIEWER"));
        OperatorKey finance = OperatorKey.generate("finance-only", List.of("FINANCE"));

        assertThat(DEFAULTS.withOperators(List.of(viewer)).withOperators(List.of(finance)).extraOperators())
                .containsExactly(finance);
        assertThat(DEFAULTS.withOperators(List.of(viewer)).withOperators(List.of()).extraOperators()).isEmpty();
    }

    @Test
    void anExtraOperatorNeedsANameOfItsOwnAndOperatorRoles() {
        OperatorKey viewer = OperatorKey.generate("viewer-only", List.of("VIEWER"));

        assertThatIllegalArgumentException().isThrownBy(() -> DEFAULTS.withOperators(
                List.of(viewer, OperatorKey.generate("viewer-only", List.of("FINANCE")))))
                .withMessageContaining("viewer-only");
        assertThatIllegalArgumentException().isThrownBy(() -> DEFAULTS.withOperators(
                List.of(OperatorKey.generate(OperatorKey.LOCAL_ADMIN, List.of("VIEWER")))))
                .withMessageContaining(OperatorKey.LOCAL_ADMIN);
        assertThatIllegalArgumentException().isThrownBy(() -> DEFAULTS.withOperators(
                List.of(OperatorKey.generate("shop", List.of("MERCHANT")))))
                .withMessageContaining("MERCHANT");
    }
}
