package dev.kassa.pspmock.work;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A thread that does work when it becomes due: it runs {@link #runDue()}, which does what is due and says when the
 * next work is due, then sleeps until then, until told of earlier work ({@link #wakeUp()}), or at most
 * {@code safetyPoll}, the bound on how late it finds work that no one in this process told it about.
 * With nothing to do it costs one query per safety poll instead of a transaction per short interval.
 */
public abstract class DueWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DueWorker.class);

    private final String name;
    private final Duration safetyPoll;
    private final Clock clock;
    private final WakeUp wakeUp;
    private volatile boolean running;
    private Thread thread;

    protected DueWorker(String name, Duration safetyPoll, Clock clock) {
        if (safetyPoll.isNegative() || safetyPoll.isZero()) {
            throw new IllegalArgumentException(name + ": the safety poll interval must be positive");
        }
        this.name = name;
        this.safetyPoll = safetyPoll;
        this.clock = clock;
        this.wakeUp = new WakeUp(clock);
    }

    /**
     * Does the work that is due now.
     *
     * @return when the next work is due as far as the database knows, or null if none is pending
     */
    protected abstract Instant runDue();

    /** Where to announce new work: {@code wakeUp().dueAfterCommit(resolveAt)}. */
    public WakeUp wakeUp() {
        return wakeUp;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name(name).daemon().start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            Instant next = null;
            try {
                wakeUp.takeDue();
                next = runDue();
            } catch (RuntimeException e) {
                log.warn("{} failed; trying again within {}", name, safetyPoll, e);
            }
            Instant poll = clock.instant().plus(safetyPoll);
            try {
                wakeUp.sleepUntil(next != null && next.isBefore(poll) ? next : poll);
            } catch (InterruptedException stopped) {
                return;
            }
        }
    }
}
