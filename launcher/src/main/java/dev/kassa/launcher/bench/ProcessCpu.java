package dev.kassa.launcher.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time a process has used, from {@code /proc/<pid>/stat}: user + system time of all its threads and, when
 * asked, of its children it has already waited for (PostgreSQL's postmaster reaps the backends that exited); and of a
 * JVM, the share its JIT compiler threads used ({@code /proc/<pid>/task/<tid>/stat}).
 */
final class ProcessCpu {

    /** Linux reports these times in clock ticks of USER_HZ, which is 100 on every architecture Kassa runs on. */
    private static final long NANOS_PER_TICK = 10_000_000;

    private ProcessCpu() {
    }

    static boolean available() {
        return Files.isReadable(Path.of("/proc/self/stat"));
    }

    /** Nanoseconds of CPU, or 0 if the process is gone. */
    static long nanos(long pid, boolean withReapedChildren) {
        try {
            String[] fields = fieldsAfterName(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
            if (withReapedChildren) {
                ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]); // cutime, cstime (16, 17)
            }
            return ticks * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * Nanoseconds of CPU that the JIT compiler threads of the JVM {@code pid} have used (HotSpot names them
     * {@code C1 CompilerThread<n>} and {@code C2 CompilerThread<n>}; the kernel keeps 15 characters of a name), or 0
     * if the process is gone or is not a HotSpot JVM. A compiler thread that HotSpot stopped meanwhile is not counted.
     */
    static long jitNanos(long pid) {
        try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return threads.mapToLong(ProcessCpu::compilerThreadNanos).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    private static long compilerThreadNanos(Path thread) {
        try {
            String stat = Files.readString(thread.resolve("stat"));
            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
                return 0;
            }
            String[] fields = fieldsAfterName(stat);
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0; // the thread ended between the listing and the read
        }
    }

    /** The command name (field 2) is in parentheses and may contain spaces: count fields after it. */
    private static String[] fieldsAfterName(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }
}
