package dev.kassa.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

/** Records the client's waits instead of sleeping them, and advances a fake clock by each. */
final class RecordingSleeper implements Sleeper {

    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private volatile long nanos;

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
        nanos += duration.toNanos();
    }

    /** Records the wait and runs the task at once, on the caller's thread. */
    @Override
    public Executor after(Duration delay, Executor executor) {
        sleep(delay);
        return Runnable::run;
    }

    List<Duration> waits() {
        return List.copyOf(waits);
    }

    long nanoTime() {
        return nanos;
    }
}
