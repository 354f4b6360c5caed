package dev.kassa.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * How the client waits between attempts and polls: {@link Thread#sleep(Duration)}, or for an asynchronous call a task
 * scheduled that much later; tests record the waits instead.
 */
@FunctionalInterface
interface Sleeper {

    Sleeper THREAD = Thread::sleep;

    void sleep(Duration duration) throws InterruptedException;

    /** Runs what it is given {@code delay} from now, on {@code executor}. */
    default Executor after(Duration delay, Executor executor) {
        return CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS, executor);
    }
}
