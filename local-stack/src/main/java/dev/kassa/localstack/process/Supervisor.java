package dev.kassa.localstack.process;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Restarts a service, the broker or PostgreSQL ({@link Supervised}) whose process ends on its own (a crash,
 * {@code kill -9}, the kernel's OOM killer), as systemd or Kubernetes would for a production one: after {@code firstDelay}, doubling for each crash that follows within
 * {@code stableAfter} of the last start, up to {@code maxDelay}; and says so on the console, with the exit code
 * and when the service is UP again. A service being stopped ({@link ServiceProcess#stop()}, {@code close()}, this
 * JVM's exit) is left stopped. One daemon thread per service waits for its process to end.
 */
public final class Supervisor implements AutoCloseable {

    /** How long a restarted service may take to report UP before the console says it did not. */
    private static final Duration HEALTHY_TIMEOUT = Duration.ofMinutes(3);

    private final Consumer<String> console;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Duration stableAfter;
    private final List<Thread> watchers;
    private final AtomicInteger restarts = new AtomicInteger();
    private volatile boolean closed;

    private Supervisor(List<? extends Supervised> services, Consumer<String> console, Duration firstDelay,
                       Duration maxDelay, Duration stableAfter) {
        this.console = console;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.stableAfter = stableAfter;
        this.watchers = services.stream()
                .map(service -> Thread.ofPlatform().daemon().name("supervise-" + service.name())
                        .unstarted(() -> supervise(service)))
                .toList();
    }

    /** Supervises {@code services}: 1 s after a crash, doubling up to 30 s while it crashes within a minute. */
    public static Supervisor watch(List<? extends Supervised> services, Consumer<String> console) {
        return watch(services, console, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(1));
    }

    static Supervisor watch(List<? extends Supervised> services, Consumer<String> console, Duration firstDelay,
                            Duration maxDelay, Duration stableAfter) {
        Supervisor supervisor = new Supervisor(services, console, firstDelay, maxDelay, stableAfter);
        supervisor.watchers.forEach(Thread::start);
        return supervisor;
    }

    /** Restarts so far, of every service. */
    public int restarts() {
        return restarts.get();
    }

    /** Restarts nothing from now on; the services keep running (stopping them is their owner's). */
    @Override
    public void close() {
        closed = true;
        watchers.forEach(Thread::interrupt);
    }

    private void supervise(Supervised service) {
        int crashesInARow = 0;
        try {
            while (!closed) {
                Instant started = service.startedAt();
                int exitCode = service.awaitExit();
                if (closed || service.isStopping()) {
                    return;
                }
                boolean ranLong = Duration.between(started, Instant.now()).compareTo(stableAfter) >= 0;
                crashesInARow = ranLong ? 1 : crashesInARow + 1;
                Duration delay = delayAfter(crashesInARow);
                console.accept(service.name() + (exitCode < 0 ? " ended" : " exited with code " + exitCode)
                        + "; restarting it in "
                        + delay.toMillis() / 1000.0 + " s" + (crashesInARow > 1 ? " (crash " + crashesInARow
                        + " in a row)" : "") + "; log: " + service.logFile());
                Thread.sleep(delay);
                if (closed || !service.restartAfterCrash()) {
                    return;
                }
                restarts.incrementAndGet();
                reportHealth(service);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void reportHealth(Supervised service) {
        Instant restarted = service.startedAt();
        try {
            service.awaitHealthy(HEALTHY_TIMEOUT);
            console.accept(service.name() + " is UP again at " + service.address() + ", "
                    + Duration.between(restarted, Instant.now()).toMillis() / 1000.0 + " s after its restart");
        } catch (IllegalStateException notHealthy) {
            if (!closed) {
                console.accept(notHealthy.getMessage()); // exited again (the loop restarts it) or still not UP
            }
        }
    }

    private Duration delayAfter(int crashesInARow) {
        Duration delay = firstDelay.multipliedBy(1L << Math.min(crashesInARow - 1, 20));
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
