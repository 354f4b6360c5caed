package dev.kassa.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kassa.client.KassaException;
import dev.kassa.launcher.KassaService;
import dev.kassa.launcher.demo.CheckoutRequest;
import dev.kassa.launcher.demo.CheckoutRequest.Order;
import dev.kassa.launcher.demo.KassaClient;
import dev.kassa.localstack.process.Supervised;
import dev.kassa.localstack.process.Supervisor;
import dev.kassa.systemtests.support.Ids;
import dev.kassa.systemtests.support.Kassa;
import dev.kassa.systemtests.support.SystemTest;
import dev.kassa.systemtests.support.Timeouts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Kafka's and PostgreSQL's processes killed ({@code kill -9}) while checkouts arrive, and started again by the
 * supervisor that {@code ./kassa} runs (same data, same port; a graceful stop and start is local-stack's tests'). The
 * services ride through: every service is ready again by itself, producers and consumers
 * reconnect, each outbox relay takes its lock again and sends what waited, and every payment is charged, credited
 * and posted exactly once (checked after each test). A checkout the database could not take is answered 503 and
 * sent again by kassa-client (a few times, quickly), then by the frontend, as {@code ./kassa bench} does.
 */
@SystemTest
class InfrastructureRestartTest {

    private static final int PAYMENTS = 120;
    /** 20 checkouts/s: the outage falls in the middle of them. */
    private static final Duration SPACING = Duration.ofMillis(50);
    /** Raw on purpose: readiness is no merchant API, and answers callers without a key. */
    private static final KassaClient ANONYMOUS = new KassaClient();

    @Test
    void kafkaKilledUnderLoadIsStartedAgainAndLosesAndDoublesNoPayment(Kassa kassa) throws Exception {
        ridesThrough(kassa, Ids.forTest("kafkacrash"), kassa.system().kafkaProcess());
    }

    @Test
    void postgresKilledUnderLoadIsStartedAgainAndLosesAndDoublesNoPayment(Kassa kassa) throws Exception {
        ridesThrough(kassa, Ids.forTest("pgcrash"), kassa.system().postgres().process());
    }

    private static void ridesThrough(Kassa kassa, Ids ids, Supervised component) throws Exception {
        try (Supervisor supervisor = Supervisor.watch(List.of(component),
                line -> System.out.println("[supervisor] " + line))) {
            ridesThrough(kassa, ids, component, supervisor);
        }
    }

    private static void ridesThrough(Kassa kassa, Ids ids, Supervised component, Supervisor supervisor)
            throws Exception {
        List<CheckoutRequest> checkouts = new ArrayList<>();
        for (int i = 0; i < PAYMENTS; i++) {
            checkouts.add(CheckoutRequest.of(ids.checkout(), "tok_visa",
                    new Order(ids.order(), ids.seller("s" + i % 4), (1 + i % 40) + ".25", i % 2 == 0 ? "USD" : "EUR")));
        }
        AtomicInteger accepted = new AtomicInteger();
        List<ScheduledFuture<?>> submissions = new ArrayList<>();
        try (ScheduledExecutorService frontend = Executors.newScheduledThreadPool(8)) {
            for (int i = 0; i < PAYMENTS; i++) {
                CheckoutRequest checkout = checkouts.get(i);
                submissions.add(frontend.schedule(() -> {
                    // Sent again with the same body until accepted, as a checkout frontend does after a 503.
                    await(checkout.checkoutId() + " accepted").atMost(Timeouts.RECOVERY)
                            .pollInterval(Duration.ofMillis(500))
                            .until(() -> taken(kassa, checkout));
                    accepted.incrementAndGet();
                }, SPACING.toMillis() * i, TimeUnit.MILLISECONDS));
            }
            await("a third of the checkouts accepted").atMost(Timeouts.SETTLE)
                    .until(() -> accepted.get() >= PAYMENTS / 3);
            long pid = component.pid();
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            System.out.println("[kassa] killed " + component.name() + " (pid " + pid + ")");
            // No wait for the outage in readiness: PostgreSQL is back within a second or two, between two probes.
            await(component.name() + " started again by the supervisor").atMost(Timeouts.RECOVERY)
                    .until(() -> supervisor.restarts() >= 1);
            component.awaitHealthy(Timeouts.RECOVERY);
            for (ScheduledFuture<?> submission : submissions) {
                submission.get();
            }
        }
        assertThat(accepted).as("checkouts accepted").hasValue(PAYMENTS);
        for (KassaService service : KassaService.values()) {
            await(service.module() + " ready again").atMost(Timeouts.RECOVERY).until(() -> ready(kassa, service));
        }
        await("all " + PAYMENTS + " checkouts COMPLETED").atMost(Timeouts.RECOVERY).until(() ->
                kassa.db().count("payment", "SELECT count(*) FROM checkout WHERE status = 'COMPLETED' AND checkout_id LIKE ?",
                        ids.prefix() + "-%") == PAYMENTS);
        assertThat(kassa.db().count("payment", "SELECT count(*) FROM payment_order WHERE status = 'SUCCEEDED'"
                + " AND payment_order_id LIKE ?", ids.prefix() + "-%")).as("orders succeeded").isEqualTo(PAYMENTS);
    }

    /**
     * Whether payment-service took the checkout: new, or already taken by an attempt whose answer was lost (the same
     * body answers the checkout as it stands). Not yet when it answered an error even after kassa-client's own retries
     * (a 503 while the database is away) or did not answer at all.
     */
    private static boolean taken(Kassa kassa, CheckoutRequest checkout) {
        try {
            kassa.payments().accept(checkout);
            return true;
        } catch (KassaException notYet) {
            return false;
        }
    }

    private static boolean ready(Kassa kassa, KassaService service) {
        try {
            return ANONYMOUS.get(kassa.system().url(service) + "/actuator/health/readiness").status() == 200;
        } catch (IllegalStateException unreachable) {
            return false;
        }
    }
}
