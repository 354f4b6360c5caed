package dev.kassa.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * pg_ctl detaches the postmaster from the JVM that started it, so a JVM killed without its shutdown hooks
 * (kill -9, a surefire timeout) leaves PostgreSQL running: holding its port, its data directory and
 * memory. Called for a cluster whose owner is gone (its data directory lock is free) or whose start
 * was given up.
 */
final class OrphanPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanPostmaster.class);

    private OrphanPostmaster() {
    }

    static void stopIfRunning(Path clusterDir) {
        postmaster(clusterDir).ifPresent(process -> {
            log.warn("Stopping PostgreSQL (pid {}) that nobody controls any more on {}", process.pid(), clusterDir);
            fastShutdown(process);
            try {
                process.onExit().get(15, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** The postmaster running on {@code clusterDir}, by its pid file. */
    static Optional<ProcessHandle> postmaster(Path clusterDir) {
        Path pidFile = clusterDir.resolve("postmaster.pid");
        try {
            List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** SIGINT is PostgreSQL's "fast" shutdown (SIGTERM would wait for clients); Java can only send SIGTERM. */
    private static void fastShutdown(ProcessHandle process) {
        try {
            new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
