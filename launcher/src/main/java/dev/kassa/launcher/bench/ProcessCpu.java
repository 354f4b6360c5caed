package dev.kassa.launcher.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a process has used, from {@code /proc/<pid>/stat}: user + system time of all its threads and, when
 * asked, of its children it has already waited for (PostgreSQL's postmaster reaps the backends that exited).
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
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) is in parentheses and may contain spaces: count fields after it.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
            if (withReapedChildren) {
                ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]); // cutime, cstime (16, 17)
            }
            return ticks * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
