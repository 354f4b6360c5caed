package dev.kassa.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The boost lowers every other session this JVM started, and only while a restarted process is boosted. */
class StartupBoostTest {

    @Test
    void whileAProcessIsBoostedEveryOtherSessionWeStartedRunsAtALowerWeightAndAfterwardsAllAreEqualAgain()
            throws IOException {
        assumeTrue(Files.isReadable(Path.of("/proc/self/autogroup")) && Files.isExecutable(Path.of("/usr/bin/setsid")),
                "Linux with autogroups and util-linux's setsid");
        long ownSession = StartupBoost.sessionOf(ProcessHandle.current().pid()).orElseThrow();
        OptionalLong ownNice = StartupBoost.autogroupNice(ProcessHandle.current().pid());
        Process restarted = sessionOfItsOwn();
        Process other = sessionOfItsOwn();
        try (StartupBoost boost = new StartupBoost()) {
            await().until(() -> StartupBoost.sessionOf(other.pid()).orElse(-1) == other.pid());

            boost.begin(restarted.pid());

            await().untilAsserted(() -> assertThat(StartupBoost.autogroupNice(other.pid()))
                    .hasValue(StartupBoost.OTHERS_NICE));
            assertThat(StartupBoost.autogroupNice(restarted.pid())).hasValue(0);

            boost.end(restarted.pid());

            await().untilAsserted(() -> assertThat(StartupBoost.autogroupNice(other.pid())).hasValue(0));
        } finally {
            restarted.destroyForcibly();
            other.destroyForcibly();
        }
        assertThat(StartupBoost.sessionOf(ProcessHandle.current().pid())).hasValue(ownSession);
        assertThat(StartupBoost.autogroupNice(ProcessHandle.current().pid())).as("this JVM's own session, untouched")
                .isEqualTo(ownNice);
    }

    private static Process sessionOfItsOwn() throws IOException {
        return new ProcessBuilder("/usr/bin/setsid", "sleep", "60").start();
    }
}
