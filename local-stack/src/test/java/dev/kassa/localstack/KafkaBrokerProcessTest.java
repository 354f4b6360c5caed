package dev.kassa.localstack;

import static dev.kassa.localstack.KafkaBrokerTest.readAll;
import static dev.kassa.localstack.KafkaBrokerTest.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kassa.localstack.process.Supervisor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker as a process of its own: restartable on its own, supervised like a service, its data kept. */
class KafkaBrokerProcessTest {

    @Test
    void aKilledBrokerIsRestartedBySupervisionWithItsTopicsAndRecords(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("kafka.log");
        List<String> console = new CopyOnWriteArrayList<>();
        try (KafkaBrokerProcess kafka = KafkaBrokerProcess.start(
                KafkaBroker.Options.defaults().withDataDir(dir.resolve("kafka")), log);
             Supervisor supervisor = Supervisor.watch(List.of(kafka.process()), console::add)) {
            long firstPid = kafka.process().pid();
            assertThat(firstPid).as("a process of its own").isNotEqualTo(ProcessHandle.current().pid());
            kafka.createTopics(Map.of("process-test.kept", 2));
            send(kafka, "process-test.kept", "before", "the crash");

            kafka.process().kill();
            assertThat(kafka.isRunning()).isFalse();

            await("the supervisor's restart").atMost(Duration.ofMinutes(2)).until(() -> kafka.process().isHealthy());
            assertThat(kafka.process().pid()).isNotEqualTo(firstPid);
            send(kafka, "process-test.kept", "after", "the restart");
            assertThat(readAll(kafka, "process-test.kept", 2)).extracting(ConsumerRecord::key)
                    .containsExactlyInAnyOrder("before", "after");
            await("the console's report").atMost(Duration.ofSeconds(30))
                    .until(() -> console.stream().anyMatch(line -> line.startsWith("kafka is UP again at 127.0.0.1:")));
            assertThat(supervisor.restarts()).isEqualTo(1);
        }
        assertThat(Files.readString(log)).as("the broker's own log").contains("Kafka broker started on");
    }

    @Test
    void stopAndRestartKeepThePortAndNoSecretIsOnTheCommandLine(@TempDir Path dir) throws Exception {
        try (KafkaBrokerProcess kafka = KafkaBrokerProcess.start(
                KafkaBroker.Options.defaults().withDataDir(dir.resolve("kafka")), dir.resolve("kafka.log"))) {
            // In full (ProcessHandle.Info cuts it at 4 KiB), as every user of the machine can read it.
            String commandLine = Files.readString(Path.of("/proc", Long.toString(kafka.process().pid()), "cmdline"));
            assertThat(commandLine).contains(KafkaBrokerMain.class.getName())
                    .doesNotContain(kafka.superUser().password());

            kafka.stop();
            assertThat(kafka.isRunning()).isFalse();
            kafka.restart();

            assertThat(kafka.isRunning()).isTrue();
            kafka.createTopics(Map.of("process-test.after-restart", 1));
            send(kafka, "process-test.after-restart", "k", "v");
            assertThat(readAll(kafka, "process-test.after-restart", 1)).hasSize(1);
        }
    }

    @Test
    void aSpringBootJarIsRecognisedAsOne(@TempDir Path dir) {
        assertThat(KafkaBrokerProcess.isBootJar(dir.resolve("a.jar") + java.io.File.pathSeparator + "b.jar")).isFalse();
        assertThat(KafkaBrokerProcess.isBootJar(dir.resolve("missing.jar").toString())).isFalse();
    }
}
