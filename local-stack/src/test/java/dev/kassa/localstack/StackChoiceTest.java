package dev.kassa.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import dev.kassa.localstack.StackChoice.Mode;
import org.junit.jupiter.api.Test;

class StackChoiceTest {

    private final AtomicInteger dockerAsked = new AtomicInteger();

    @Test
    void autoTakesContainersWhereDockerAnswersAndEmbeddedServersElsewhere() {
        assertThat(StackChoice.resolve("auto", docker(true)).mode()).isEqualTo(Mode.CONTAINERS);
        StackChoice withoutDocker = StackChoice.resolve("auto", docker(false));
        assertThat(withoutDocker.mode()).isEqualTo(Mode.EMBEDDED);
        assertThat(withoutDocker.reason()).contains("no Docker engine");
    }

    @Test
    void unsetMeansAuto() {
        assertThat(StackChoice.resolve(null, docker(true)).mode()).isEqualTo(Mode.CONTAINERS);
        assertThat(StackChoice.resolve(" ", docker(false)).mode()).isEqualTo(Mode.EMBEDDED);
        assertThat(dockerAsked).hasValue(2);
    }

    @Test
    void aForcedChoiceNeverAsksDocker() {
        assertThat(StackChoice.resolve("embedded", docker(true)).mode()).isEqualTo(Mode.EMBEDDED);
        assertThat(StackChoice.resolve(" Containers ", docker(false)).mode()).isEqualTo(Mode.CONTAINERS);
        assertThat(dockerAsked).hasValue(0);
    }

    @Test
    void anyOtherValueIsRefusedWithTheValuesThatWork() {
        assertThatThrownBy(() -> StackChoice.resolve("docker", docker(true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("embedded, containers or auto")
                .hasMessageContaining("'docker'");
    }

    private BooleanSupplier docker(boolean answers) {
        return () -> {
            dockerAsked.incrementAndGet();
            return answers;
        };
    }
}
