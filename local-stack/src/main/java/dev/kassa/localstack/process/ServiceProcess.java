package dev.kassa.localstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One Kassa service running as its own JVM from its executable jar, as in production: tests that need a
 * second service (payment-service needs the PSP simulator) and the launcher of the whole system start
 * services through this class. The child dies with this JVM (shutdown hook), so no orphans are left.
 */
public final class ServiceProcess implements Supervised, AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_WRITING_ARCHIVE_TIMEOUT = Duration.ofMinutes(3);

    private final ServiceSpec spec;
    /** Null: {@code /actuator/health} on the spec's port answers 200. */
    private final BooleanSupplier healthCheck;
    private final Thread shutdownHook;
    private volatile Process process;
    private volatile Instant startedAt;
    /** Set by {@link #stop()}, {@link #close()} and this JVM's exit: a {@link Supervisor} restarts it no more. */
    private volatile boolean stopping;

    private ServiceProcess(ServiceSpec spec, BooleanSupplier healthCheck) {
        this.spec = spec;
        this.healthCheck = healthCheck;
        this.shutdownHook = new Thread(this::destroyQuietly, "stop-" + spec.name());
    }

    /** Starts the service; call {@link #awaitHealthy(Duration)} to wait until it serves requests. */
    public static ServiceProcess start(ServiceSpec spec) {
        return start(spec, null);
    }

    /**
     * Starts a process that tells its health otherwise than by HTTP (the Kafka broker): {@code healthCheck} says
     * whether it serves now; null means {@code /actuator/health}.
     */
    public static ServiceProcess start(ServiceSpec spec, BooleanSupplier healthCheck) {
        ServiceProcess service = new ServiceProcess(spec, healthCheck);
        service.launch();
        Runtime.getRuntime().addShutdownHook(service.shutdownHook);
        return service;
    }

    /** Starts the service again after {@link #kill()} or {@link #stop()}, with the same settings. */
    public synchronized void restart() {
        if (isAlive()) {
            throw new IllegalStateException(spec.name() + " is still running");
        }
        stopping = false;
        launch();
    }

    /**
     * Starts the service again after its process ended on its own; does nothing (and says so) once it is being
     * stopped or runs already. Holds the lock {@link #stop()} and the shutdown hook hold, so that no process is
     * started after they looked for the one to stop.
     */
    @Override
    public synchronized boolean restartAfterCrash() {
        if (stopping || isAlive()) {
            return false;
        }
        launch();
        return true;
    }

    /** Waits until the current process ends and returns its exit code. */
    @Override
    public int awaitExit() throws InterruptedException {
        return process.waitFor();
    }

    /** When the current process was started. */
    @Override
    public Instant startedAt() {
        return startedAt;
    }

    /** Whether it is being stopped on purpose ({@link #stop()}, {@link #close()}, this JVM's exit). */
    @Override
    public boolean isStopping() {
        return stopping;
    }

    private synchronized void launch() {
        try {
            Files.createDirectories(spec.logFile().toAbsolutePath().getParent());
            process = processBuilder(spec).start();
            startedAt = Instant.now();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + spec.name() + " from " + spec.jar(), e);
        }
    }

    /**
     * The command line a service runs with, as every user of the machine sees it ({@code ps}): the JVM options,
     * the jar and the spec's properties, never its environment.
     */
    public static List<String> commandLine(ServiceSpec spec) {
        List<String> command = new ArrayList<>();
        command.add(currentJava());
        command.addAll(spec.jvmOptions());
        if (spec.mainClass() == null) {
            command.add("-jar");
            command.add(spec.jar().toString());
        } else {
            command.add("-cp");
            command.add(spec.jar().toString());
            command.add(spec.mainClass());
        }
        spec.properties().forEach((key, value) -> command.add("--" + key + "=" + value));
        return command;
    }

    /** What {@link #start} runs: this JVM's environment plus the spec's, output appended to the log file. */
    static ProcessBuilder processBuilder(ServiceSpec spec) {
        ProcessBuilder builder = new ProcessBuilder(commandLine(spec))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(spec.logFile().toFile()));
        builder.environment().putAll(spec.environment());
        return builder;
    }

    @Override
    public String name() {
        return spec.name();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + spec.port();
    }

    /** Where it serves: {@link #baseUrl()} for an HTTP service, host and port for another. */
    @Override
    public String address() {
        return healthCheck == null ? baseUrl() : "127.0.0.1:" + spec.port();
    }

    public int port() {
        return spec.port();
    }

    @Override
    public Path logFile() {
        return spec.logFile();
    }

    @Override
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        Process current = process;
        return current != null && current.isAlive();
    }

    /** Whether {@code /actuator/health} answers 200 (status UP) right now, or the process's own check holds. */
    public boolean isHealthy() {
        if (healthCheck != null) {
            return isAlive() && healthCheck.getAsBoolean();
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits until the service reports UP; fails early, pointing at its log, if the process exits. */
    @Override
    public void awaitHealthy(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!isHealthy()) {
            if (!isAlive()) {
                throw new IllegalStateException(spec.name() + " exited with code " + process.exitValue()
                        + " before it became healthy; see " + spec.logFile().toAbsolutePath());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(spec.name() + " was not healthy after " + timeout
                        + "; see " + spec.logFile().toAbsolutePath());
            }
            pause(Duration.ofMillis(200));
        }
    }

    /** SIGKILL, like {@code kill -9}: no shutdown hooks, no graceful close; for crash tests. */
    public void kill() {
        Process current = process;
        if (current != null) {
            current.destroyForcibly();
            waitFor(current, Duration.ofSeconds(30));
        }
    }

    /**
     * SIGTERM and wait for a graceful shutdown, then SIGKILL if it takes too long: 30 s, or 3 minutes for a JVM that
     * writes its class-data archive on its way out. That takes a core for 10-20 s per service, and ./kassa stops
     * every process at once: with 30 s, ten JVMs writing on two cores were all killed first, so no archive was ever
     * written with {@code --instances 2}.
     */
    public synchronized void stop() {
        stopping = true;
        Process current = process;
        if (current == null || !current.isAlive()) {
            return;
        }
        current.destroy();
        // Only the JVM itself writes its archive, on its way out: missing now, it was missing when it started.
        boolean writesArchive = spec.classDataArchive().filter(Files::notExists).isPresent();
        if (!waitFor(current, writesArchive ? STOP_WRITING_ARCHIVE_TIMEOUT : STOP_TIMEOUT)) {
            current.destroyForcibly();
            waitFor(current, Duration.ofSeconds(10));
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException jvmAlreadyShuttingDown) {
            // the hook runs anyway
        }
    }

    private synchronized void destroyQuietly() {
        stopping = true;
        Process current = process;
        if (current != null && current.isAlive()) {
            current.destroy();
            if (!waitFor(current, Duration.ofSeconds(15))) {
                current.destroyForcibly();
            }
        }
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a service", e);
        }
    }

    private static String currentJava() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
