package dev.kassa.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The serving priority reaches every thread of a process and every process it started (Linux, util-linux). */
class CpuPriorityTest {

    @BeforeEach
    void linuxWithRenice() {
        assumeLinuxWithRenice();
    }

    static void assumeLinuxWithRenice() {
        assumeThat(Path.of("/proc/self/task")).as("per-thread nice values in /proc (Linux)").isDirectory();
        assumeThat(Stream.of(System.getenv("PATH").split(":")).map(dir -> Path.of(dir, "renice")))
                .as("util-linux's renice").anyMatch(Files::isExecutable);
    }

    @Test
    void everyThreadOfAJvmGoesToTheServingPriority(@TempDir Path dir) throws IOException {
        try (ServiceProcess jvm = ServiceProcess.start(ServiceSpec.of("echo", ServiceProcessTest.echoJar(dir), 18_093,
                Map.of(), dir.resolve("echo.log")), () -> true)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> CpuPriority.threadsOf(jvm.pid()).size() > 5);
            assertThat(allThreadsAt(jvm.pid(), ownNice())).as("started at this JVM's priority").isTrue();

            assertThat(CpuPriority.lowerToServing(jvm.pid())).isTrue();

            assertThat(allThreadsAt(jvm.pid(), serving())).as("every thread at the serving priority").isTrue();
        }
    }

    @Test
    void theProcessesItStartedGoThereToo() throws Exception {
        Process shell = new ProcessBuilder("sh", "-c", "sleep 300 & wait").start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> shell.toHandle().children().findAny().isPresent());
            long child = shell.toHandle().children().findFirst().orElseThrow().pid();

            assertThat(CpuPriority.lowerToServing(shell.pid())).isTrue();

            assertThat(CpuPriority.niceOf(shell.pid())).hasValue(serving());
            assertThat(CpuPriority.niceOf(child)).as("its child").hasValue(serving());
        } finally {
            shell.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            shell.destroyForcibly();
        }
    }

    @Test
    void aProcessThatIsGoneChangesNothing() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();

        assertThat(CpuPriority.lowerToServing(gone.pid())).isFalse();
    }

    static boolean allThreadsAt(long pid, int nice) {
        List<String> threads = CpuPriority.threadsOf(pid);
        return !threads.isEmpty() && threads.stream()
                .allMatch(thread -> CpuPriority.niceOf(Long.parseLong(thread)).orElse(nice) == nice);
    }

    static int ownNice() {
        return CpuPriority.niceOf(ProcessHandle.current().pid()).orElseThrow();
    }

    static int serving() {
        return Math.min(19, ownNice() + CpuPriority.SERVING_OFFSET);
    }
}
