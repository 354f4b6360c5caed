package dev.kassa.localstack.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * A start-up CPU boost for processes that share one machine, as Kubernetes' startup CPU boost gives a starting pod
 * more CPU than it keeps: a process that serves runs at a lower CPU priority ({@link #SERVING_OFFSET} nice levels
 * below this JVM's), while one the {@link Supervisor} has just started again keeps this JVM's own until it has
 * started and warmed up. Under load the others fill both cores, and a JVM starting among them got so little CPU
 * that a restart took one to two minutes instead of 7-12 s; its peers, at the lower priority, still get all the CPU
 * the starting one leaves. Only a lower priority is ever asked for, which needs no privilege.
 *
 * <p>On Linux the nice value belongs to each thread, and a thread or process inherits its creator's: so every thread
 * of the process and of the processes it started (PostgreSQL's backends) is changed, and those it starts later follow.
 * The change is made by util-linux's {@code renice} (the JDK has no call for it before the foreign-function API);
 * where that is missing nothing changes, and restarts are only slower.
 */
public final class CpuPriority {

    /** How many nice levels below this JVM a serving process runs: a weight a third of a starting one's. */
    public static final int SERVING_OFFSET = 5;

    private static final int LOWEST = 19;
    private static final int PASSES = 5;
    private static final Path PROC = Path.of("/proc");

    private CpuPriority() {
    }

    /**
     * Lowers the priority of {@code pid}, its threads and its descendants to the serving one; false (and nothing, or
     * not everything, changed) where the process is gone or {@code renice} could not be run. A thread that a thread
     * not yet changed starts meanwhile keeps the old priority, so it looks again, until none is left (a few times).
     */
    public static boolean lowerToServing(long pid) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty()) {
            return false;
        }
        int nice = Math.min(LOWEST, ownNice().orElse(0) + SERVING_OFFSET);
        if (!Files.isDirectory(PROC)) {
            return renice(nice, List.of(Long.toString(pid))); // the process's nice value is its threads' there
        }
        for (int pass = 0; pass < PASSES; pass++) {
            List<String> left = new ArrayList<>();
            Stream.concat(Stream.of(process.get()), process.get().descendants())
                    .forEach(each -> threadsOf(each.pid()).stream()
                            .filter(thread -> niceOf(Long.parseLong(thread)).orElse(nice) != nice)
                            .forEach(left::add));
            if (left.isEmpty()) {
                return true;
            }
            if (!renice(nice, left)) {
                return false;
            }
        }
        return process.get().isAlive();
    }

    private static boolean renice(int nice, List<String> ids) {
        List<String> command = new ArrayList<>(List.of("renice", "-n", Integer.toString(nice), "-p"));
        command.addAll(ids);
        try {
            // A thread that ended since it was listed fails its part (exit code 1); the others are changed all the same.
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor();
            return true;
        } catch (IOException noRenice) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The nice value of thread (or process) {@code id}, read from {@code /proc}; empty where there is none. */
    static OptionalInt niceOf(long id) {
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(id)).resolve("stat"));
            // pid (comm) state ... : comm may hold spaces and parentheses, so count the fields after the last ')'
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return OptionalInt.of(Integer.parseInt(fields[16])); // field 19 of proc(5), the 17th after comm
        } catch (IOException | RuntimeException notThere) {
            return OptionalInt.empty();
        }
    }

    /** Its threads' ids ({@code /proc/<pid>/task}, Linux); empty once it is gone. */
    static List<String> threadsOf(long pid) {
        Path tasks = PROC.resolve(Long.toString(pid)).resolve("task");
        try (Stream<Path> threads = Files.list(tasks)) {
            return threads.map(thread -> thread.getFileName().toString()).toList();
        } catch (IOException ended) {
            return List.of();
        }
    }

    /** This JVM's: its main thread's, which the threads that start processes were started by. */
    private static OptionalInt ownNice() {
        return niceOf(ProcessHandle.current().pid());
    }
}
