package dev.kassa.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LocalStackArgumentsTest {

    @Test
    void defaultsMatchTheDevSetup() {
        LocalStackArguments arguments = LocalStackArguments.parse();

        assertThat(arguments.dataDir()).isEqualTo(Path.of(".kassa/data").toAbsolutePath().normalize());
        assertThat(arguments.kafkaPort()).isEqualTo(9092);
        assertThat(arguments.postgresPort()).isEqualTo(5432);
        assertThat(arguments.databases()).containsExactly("payment", "psp", "wallet", "ledger", "reconciliation");
        assertThat(arguments.topics()).isEmpty();
    }

    @Test
    void parsesEveryOption() {
        LocalStackArguments arguments = LocalStackArguments.parse("--data-dir", "/tmp/kassa", "--kafka-port", "19092",
                "--postgres-port", "0", "--databases", "payment, ledger", "--topics", "payments:6,ledger");

        assertThat(arguments.dataDir()).isEqualTo(Path.of("/tmp/kassa"));
        assertThat(arguments.kafkaPort()).isEqualTo(19092);
        assertThat(arguments.postgresPort()).isZero();
        assertThat(arguments.databases()).isEqualTo(List.of("payment", "ledger"));
        assertThat(arguments.topics()).isEqualTo(Map.of("payments", 6, "ledger", 3));
    }

    @Test
    void recognisesARequestForHelp() {
        assertThat(LocalStackArguments.wantsHelp("--kafka-port", "1", "--help")).isTrue();
        assertThat(LocalStackArguments.wantsHelp("--kafka-port", "1")).isFalse();
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> LocalStackArguments.parse("--kafka-port", "nine")).hasMessageContaining("port");
        assertThatThrownBy(() -> LocalStackArguments.parse("--kafka-port")).hasMessageContaining("Missing value");
        assertThatThrownBy(() -> LocalStackArguments.parse("--bogus", "1")).hasMessageContaining("Unknown option");
    }
}
