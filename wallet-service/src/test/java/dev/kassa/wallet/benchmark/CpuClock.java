package dev.kassa.wallet.benchmark;

import com.sun.management.OperatingSystemMXBean;
import dev.kassa.localstack.PostgresServer;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time used by this JVM and by the benchmark's own PostgreSQL server (postmaster and backends) since
 * the clock was taken. On a machine shared with other builds, throughput in events/s depends on their load;
 * CPU time per event does much less, so the benchmark reports both.
 */
final class CpuClock {

    record Used(double jvmSeconds, double postgresSeconds) {
    }

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final ProcessHandle postmaster;
    private final long jvmStartNanos;
    private final Map<Long, Duration> postgresStart;

    private CpuClock(ProcessHandle postmaster) {
        this.postmaster = postmaster;
        this.jvmStartNanos = OS.getProcessCpuTime();
        this.postgresStart = postgresCpu();
    }

    /** Starts counting. The PostgreSQL server is the process whose command line names its data directory. */
    static CpuClock of(PostgresServer postgres) {
        String dataDir = postgres.dataDir().toString();
        ProcessHandle postmaster = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(dataDir)).orElse(false))
                .filter(p -> p.parent().map(parent -> !parent.info().commandLine()
                        .map(c -> c.contains(dataDir)).orElse(false)).orElse(true))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No PostgreSQL process for " + dataDir));
        return new CpuClock(postmaster);
    }

    /**
     * CPU used since the clock was taken. Backends that ended in between are not counted (the connection
     * pool keeps its backends for the whole run).
     */
    Used used() {
        double jvm = (OS.getProcessCpuTime() - jvmStartNanos) / 1e9;
        double postgres = postgresCpu().entrySet().stream()
                .mapToDouble(e -> e.getValue().minus(postgresStart.getOrDefault(e.getKey(), Duration.ZERO))
                        .toNanos() / 1e9)
                .sum();
        return new Used(jvm, postgres);
    }

    private Map<Long, Duration> postgresCpu() {
        return Stream.concat(Stream.of(postmaster), postmaster.descendants())
                .collect(Collectors.toMap(ProcessHandle::pid,
                        p -> p.info().totalCpuDuration().orElse(Duration.ZERO), (a, b) -> a));
    }
}
