package dev.kassa.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's supervision: a service that dies on its own comes back; one stopped on purpose stays down. */
class SupervisorTest {

    private static final Duration FIRST_DELAY = Duration.ofMillis(100);

    private final List<String> console = new CopyOnWriteArrayList<>();

    @Test
    void aKilledServiceIsRestartedAndTheConsoleSaysSo(@TempDir Path dir) throws IOException {
        try (ServiceProcess service = ServiceProcess.start(spec(dir));
             Supervisor supervisor = supervise(service, Duration.ofMinutes(1))) {
            long firstPid = service.pid();

            service.kill();

            await().atMost(Duration.ofSeconds(30)).until(() -> supervisor.restarts() == 1 && service.isAlive());
            assertThat(service.pid()).isNotEqualTo(firstPid);
            assertThat(console).anySatisfy(line -> assertThat(line)
                    .startsWith("echo exited with code 137; restarting it in 0.1 s; log: "));
        }
    }

    @Test
    void crashesInARowWaitLongerEachTime(@TempDir Path dir) throws IOException {
        try (ServiceProcess service = ServiceProcess.start(spec(dir));
             Supervisor supervisor = supervise(service, Duration.ofMinutes(1))) {
            service.kill();
            await().atMost(Duration.ofSeconds(30)).until(() -> supervisor.restarts() == 1 && service.isAlive());

            service.kill(); // within a minute of its restart: the second crash in a row

            await().atMost(Duration.ofSeconds(30)).until(() -> supervisor.restarts() == 2 && service.isAlive());
            assertThat(console).anySatisfy(line -> assertThat(line)
                    .startsWith("echo exited with code 137; restarting it in 0.2 s (crash 2 in a row)"));
        }
    }

    @Test
    void aServiceStoppedOnPurposeOrAfterTheSupervisorClosedStaysDown(@TempDir Path dir) throws IOException {
        try (ServiceProcess stopped = ServiceProcess.start(spec(dir, "stopped", 18_091));
             ServiceProcess unwatched = ServiceProcess.start(spec(dir, "unwatched", 18_092))) {
            Supervisor supervisor = Supervisor.watch(List.of(stopped, unwatched), console::add, FIRST_DELAY,
                    Duration.ofSeconds(1), Duration.ofMinutes(1));

            stopped.stop();
            supervisor.close();
            unwatched.kill();

            await().during(FIRST_DELAY.multipliedBy(5)).atMost(Duration.ofSeconds(5))
                    .until(() -> !stopped.isAlive() && !unwatched.isAlive());
            assertThat(supervisor.restarts()).isZero();
            assertThat(console).isEmpty();
        }
    }

    private Supervisor supervise(ServiceProcess service, Duration stableAfter) {
        return Supervisor.watch(List.of(service), console::add, FIRST_DELAY, Duration.ofSeconds(1), stableAfter);
    }

    private static ServiceSpec spec(Path dir) throws IOException {
        return spec(dir, "echo", 18_090);
    }

    /** The environment echo of {@link ServiceProcessTest}: a process that runs until it is stopped. */
    private static ServiceSpec spec(Path dir, String name, int port) throws IOException {
        return ServiceSpec.of(name, ServiceProcessTest.echoJar(dir), port, Map.of(), dir.resolve(name + ".log"));
    }
}
