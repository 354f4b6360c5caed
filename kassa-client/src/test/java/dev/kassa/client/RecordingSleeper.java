package dev.kassa.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the client's waits instead of sleeping them, and advances a fake clock by each. */
final class RecordingSleeper implements Sleeper {

    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private volatile long nanos;

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
        nanos += duration.toNanos();
    }

    List<Duration> waits() {
        return List.copyOf(waits);
    }

    long nanoTime() {
        return nanos;
    }
}
