package dev.kassa.localstack.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A start-up CPU boost for a process the {@link Supervisor} restarts while the machine is busy, as Kubernetes' startup
 * CPU boost gives a starting pod more CPU than it keeps. Under 50 checkouts/s the running processes fill both cores of
 * the reference machine, and a restarted JVM, which needs 12-16 s of CPU to start, was ready 2-3 minutes later.
 *
 * <p>Linux's scheduler shares the CPU between <em>sessions</em> first (autogroups, {@code sched(7)}; on by default on
 * most distributions), and only then between the threads of one session: a thread's nice value counts against its own
 * session's threads alone. Every PostgreSQL backend makes itself a session, and so does every service
 * ({@link ServiceProcess} starts it with {@code setsid}), so a starting JVM gets its share as one of dozens. While a
 * boost lasts, every other session this JVM started ({@link ProcessHandle#descendants()} that lead a session: the
 * services, the broker, PostgreSQL's processes) runs at autogroup nice {@link #OTHERS_NICE}, a third of the weight;
 * once no restart is boosted they are back at 0. Measured at 50 checkouts/s with a second wallet-service started
 * among them (docs/architecture.md §12): ready 27 s after its start instead of 115-196 s, the backlog peaking at 348
 * orders, no checkout failed; at nice 10 ready in 22 s, but the others nearly stopped (1,150 checkouts in flight).
 *
 * <p>Only nice values of 0 and above are written, which the owner of a process may set without privilege, and
 * the session this JVM runs in (the user's terminal) is never changed. Where there are no autogroups (another OS, a
 * kernel without them, a process in a CPU cgroup of its own as in a container) the writes change nothing or fail, and
 * nothing else changes.
 */
final class StartupBoost implements AutoCloseable {

    /** The autogroup nice value of every other session while a boost lasts: weight 335 against the boosted one's 1024. */
    static final int OTHERS_NICE = 5;

    private static final Path PROC = Path.of("/proc");
    /** How often the other sessions are looked for again while a boost lasts: new PostgreSQL backends start at 0. */
    private static final long SWEEP_SECONDS = 2;

    private final Set<Long> boosted = new HashSet<>();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("startup-boost").factory());
    private ScheduledFuture<?> sweeping;

    /** Gives process {@code pid} (a session leader) the CPU the others leave, until {@link #end}. */
    synchronized void begin(long pid) {
        if (boosted.add(pid) && sweeping == null) {
            sweeping = sweeper.scheduleWithFixedDelay(() -> lowerOthers(OTHERS_NICE), 0, SWEEP_SECONDS,
                    TimeUnit.SECONDS);
        }
    }

    /** Ends {@code pid}'s boost {@code delay} from now (its JIT compiles hot code first). */
    void endAfter(long pid, Duration delay) {
        sweeper.schedule(() -> end(pid), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Ends {@code pid}'s boost; when it was the last one, every session is back at nice 0. */
    synchronized void end(long pid) {
        if (boosted.remove(pid) && boosted.isEmpty() && sweeping != null) {
            sweeping.cancel(false);
            sweeping = null;
            sweeper.execute(() -> lowerOthers(0));
        }
    }

    @Override
    public synchronized void close() {
        boosted.clear();
        if (sweeping != null) {
            sweeping.cancel(false);
            sweeping = null;
            sweeper.execute(() -> lowerOthers(0));
        }
        sweeper.shutdown();
    }

    private void lowerOthers(int nice) {
        Set<Long> spared;
        synchronized (this) {
            spared = Set.copyOf(boosted);
        }
        long ownSession = sessionOf(ProcessHandle.current().pid()).orElse(-1);
        ProcessHandle.current().descendants()
                .filter(process -> !spared.contains(process.pid()))
                .filter(process -> isSessionLeader(process.pid(), ownSession))
                .forEach(process -> setAutogroupNice(process.pid(), nice));
    }

    /** Whether {@code pid} leads a session other than this JVM's: its autogroup is its own to change. */
    private static boolean isSessionLeader(long pid, long ownSession) {
        OptionalLong session = sessionOf(pid);
        return session.isPresent() && session.getAsLong() == pid && pid != ownSession;
    }

    /** The session of {@code pid} ({@code /proc/<pid>/stat}, field 6); empty once it is gone or off Linux. */
    static OptionalLong sessionOf(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
            // pid (comm) state ppid pgrp session ...: comm may hold spaces and parentheses, so count after the last ')'
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return OptionalLong.of(Long.parseLong(fields[3]));
        } catch (IOException | RuntimeException gone) {
            return OptionalLong.empty();
        }
    }

    /** The autogroup nice of {@code pid}'s session ({@code /proc/<pid>/autogroup}: "/autogroup-N nice V"). */
    static OptionalLong autogroupNice(long pid) {
        try (Stream<String> lines = Files.lines(PROC.resolve(Long.toString(pid)).resolve("autogroup"))) {
            return lines.findFirst().map(line -> line.substring(line.lastIndexOf(' ') + 1).trim())
                    .map(value -> OptionalLong.of(Long.parseLong(value))).orElse(OptionalLong.empty());
        } catch (IOException | RuntimeException none) {
            return OptionalLong.empty();
        }
    }

    private static void setAutogroupNice(long pid, int nice) {
        try {
            Files.writeString(PROC.resolve(Long.toString(pid)).resolve("autogroup"), Integer.toString(nice));
        } catch (IOException | RuntimeException goneOrNotOurs) {
            // Ended since it was listed, or no autogroups here: nothing to change.
        }
    }
}
