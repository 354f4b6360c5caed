package dev.kassa.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kassa.launcher.KassaService;
import dev.kassa.launcher.KassaSystem;
import dev.kassa.launcher.bench.Bench;
import dev.kassa.launcher.bench.BenchOptions;
import dev.kassa.launcher.bench.BenchResult;
import dev.kassa.launcher.bench.BenchTarget;
import dev.kassa.launcher.checks.SystemInvariants.Check;
import dev.kassa.localstack.process.ServiceProcess;
import dev.kassa.localstack.process.Supervisor;
import dev.kassa.systemtests.support.OwnSystem;
import dev.kassa.systemtests.support.Timeouts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@code ./kassa --instances 2} under load: one instance each of payment-service, psp-mock-service and
 * wallet-service is killed ({@code kill -9}) while checkouts arrive, and one instance each of ledger-service and
 * reconciliation-service is stopped gracefully (SIGTERM, as a rolling restart stops it) and left stopped, so that every
 * service loses an instance. The proxy sends every request to the instances still alive (repeating on another
 * instance what the dead one did not answer, where that is safe), the other instances' consumers take over the
 * partitions, the supervisor starts the killed instances again, and every payment is charged, credited and posted
 * exactly once. (Five restarts at once on two cores took 80-90 s each and doubled the test's time; a stopped instance
 * started again is what the killed ones prove.)
 */
class TwoInstancesTest {

    private static final long RATE = 10;
    private static final long SECONDS = 15;

    @Test
    void losingAnInstanceOfEveryServiceUnderLoadRefusesNoCheckoutAndMovesEachPaymentOnce() throws Exception {
        try (OwnSystem own = OwnSystem.start(2, "two-instances");
             Supervisor supervisor = Supervisor.watch(own.kassa().system().processes(),
                     line -> System.out.println("[supervisor] " + line))) {
            KassaSystem system = own.kassa().system();
            List<ServiceProcess> killed = List.of(system.instances(KassaService.PAYMENT).get(1),
                    system.instances(KassaService.PSP_MOCK).get(0), system.instances(KassaService.WALLET).get(1));
            List<ServiceProcess> stopped = List.of(system.instances(KassaService.LEDGER).get(0),
                    system.instances(KassaService.RECONCILIATION).get(1));
            AtomicReference<Throwable> killerFailure = new AtomicReference<>();
            Thread killer = Thread.ofPlatform().name("kill-instances").start(() -> {
                try {
                    // A third of the way in: payments in every stage of their flow when the instances die.
                    await("checkouts completed before the kill").atMost(Timeouts.SETTLE)
                            .pollInterval(Duration.ofMillis(200))
                            .until(() -> own.kassa().db().count("payment",
                                    "SELECT count(*) FROM checkout WHERE status = 'COMPLETED'") >= RATE * SECONDS / 3);
                    killed.forEach(ServiceProcess::kill);
                    System.out.println("[kassa] killed " + killed.stream().map(ServiceProcess::name).toList()
                            + "; stopping " + stopped.stream().map(ServiceProcess::name).toList() + " (SIGTERM)");
                    // SIGTERM and a graceful shutdown; stop() also tells the supervisor to leave them stopped.
                    stopped.parallelStream().forEach(ServiceProcess::stop);
                } catch (Throwable e) {
                    killerFailure.set(e);
                }
            });
            BenchOptions options = BenchOptions.parse(List.of("--rate", Long.toString(RATE), "--duration",
                    SECONDS + "s", "--sellers", "10", "--drain-timeout", "300s"), Path.of("target"));

            BenchResult result = new Bench(BenchTarget.of(system), options).run(System.out);
            killer.join();

            assertThat(killerFailure.get()).as("the kill").isNull();
            assertThat(killed).as("killed instances, started again by the supervisor")
                    .allSatisfy(victim -> await(victim.name() + " UP again").atMost(Timeouts.RESTART)
                            .until(victim::isHealthy));
            assertThat(supervisor.restarts()).as("restarts").isGreaterThanOrEqualTo(killed.size());
            assertThat(stopped).as("stopped gracefully, and left stopped").noneMatch(ServiceProcess::isAlive);
            assertThat(result.offeredCheckouts()).isEqualTo(RATE * SECONDS);
            assertThat(result.acceptedCheckouts()).as("checkouts accepted (2xx)").isEqualTo(result.offeredCheckouts());
            assertThat(result.completedCheckouts()).as("checkouts completed").isEqualTo(result.offeredCheckouts());
            assertThat(result.failedChecks()).extracting(Check::name, Check::problems).isEmpty();
            own.awaitInvariantsHold();
        }
    }
}
