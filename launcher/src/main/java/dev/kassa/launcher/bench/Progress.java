package dev.kassa.launcher.bench;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Prints a progress line every few seconds while the bench runs, on a thread of its own. */
final class Progress implements AutoCloseable {

    private static final long EVERY_SECONDS = 5;

    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            task -> new Thread(task, OpenLoopLoad.THREAD_PREFIX + "progress"));
    private final PrintStream out;
    private final PostLog log;
    private final Backlog backlog;
    private final long startNanos;
    private volatile String phase = "load";

    Progress(PrintStream out, PostLog log, Backlog backlog, long startNanos) {
        this.out = out;
        this.log = log;
        this.backlog = backlog;
        this.startNanos = startNanos;
        ticker.scheduleAtFixedRate(this::print, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    void phase(String phase) {
        this.phase = phase;
    }

    private void print() {
        try {
            long orders = backlog.poll();
            out.printf(Locale.ROOT, "[%4.0f s] %-5s offered %d  POST ok %d failed %d not sent %d in flight %d retried %d  completed %d  backlog %d orders%n",
                    (System.nanoTime() - startNanos) / 1e9, phase, log.offered(), log.succeeded(), log.failed(),
                    log.notSent(), log.inFlight(), log.retries(), backlog.completedCheckouts(), orders);
        } catch (RuntimeException e) {
            out.println("[progress] " + e.getMessage()); // a slow or restarting database must not end the run
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
