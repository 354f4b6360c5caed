package dev.kassa.localstack.process;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A process a {@link Supervisor} starts again when it ends on its own: a service ({@link ServiceProcess}), the
 * Kafka broker's process, PostgreSQL's postmaster.
 */
public interface Supervised {

    String name();

    /** Where it serves, for the console. */
    String address();

    Path logFile();

    /** The current process's id; -1 while there is none. */
    long pid();

    /** When the current process was started. */
    Instant startedAt();

    /** Waits until the current process ends; its exit code, or -1 where it cannot be known (not a child of ours). */
    int awaitExit() throws InterruptedException;

    /** Whether it is being stopped on purpose: it must then not be started again. */
    boolean isStopping();

    /**
     * Starts it again after its process ended on its own; false (and nothing started) once it is being stopped or
     * runs already. A start that fails leaves no process, which the next {@link #awaitExit()} returns at once for.
     */
    boolean restartAfterCrash();

    /** Waits until it serves; throws {@link IllegalStateException} if it does not within {@code timeout}. */
    void awaitHealthy(Duration timeout);
}
