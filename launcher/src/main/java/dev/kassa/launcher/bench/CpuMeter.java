package dev.kassa.launcher.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * CPU used by each part of the system, sampled before and after a window: each service's JVM, PostgreSQL (the
 * postmaster, its live processes and the backends it has reaped), Kafka's JVM and the load generator.
 *
 * <p>When Kafka runs inside this JVM (the bench started the system, or a test did), the JVM's time is split: the
 * load generator's own threads, measured per thread, and the rest, which is Kafka plus this JVM's share of garbage
 * collection and compilation.
 */
final class CpuMeter {

    /** A sample: CPU nanoseconds per part, in a stable order, and when it was taken. */
    record Sample(long wallNanos, Map<String, Long> cpuNanos) {

        Sample minus(Sample earlier) {
            Map<String, Long> used = new LinkedHashMap<>();
            cpuNanos.forEach((part, nanos) -> used.put(part, nanos - earlier.cpuNanos.getOrDefault(part, 0L)));
            return new Sample(wallNanos - earlier.wallNanos, used);
        }

        long totalNanos() {
            return cpuNanos.values().stream().mapToLong(Long::longValue).sum();
        }

        long nanos(String part) {
            return cpuNanos.getOrDefault(part, 0L);
        }
    }

    static final String POSTGRES = "postgresql";
    static final String LOAD_GENERATOR = "load generator";

    private record Process(String name, long pid, boolean withChildren) {
    }

    private final List<Process> processes;
    private final boolean kafkaInThisJvm;
    private final String kafkaPart;
    private final List<String> notFound;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private Map<Long, Long> lastBenchThreads = new HashMap<>();
    private long benchThreadsTotal;

    private CpuMeter(List<Process> processes, boolean kafkaInThisJvm, String kafkaPart, List<String> notFound) {
        this.processes = processes;
        this.kafkaInThisJvm = kafkaInThisJvm;
        this.kafkaPart = kafkaPart;
        this.notFound = notFound;
    }

    /** Finds the processes by the ports they listen on: {@code services} maps a name to its port. */
    static CpuMeter locate(Map<String, Integer> services, int postgresPort, int kafkaPort) {
        List<Process> processes = new ArrayList<>();
        List<String> notFound = new ArrayList<>();
        services.forEach((name, port) -> add(processes, notFound, name, port, false));
        add(processes, notFound, POSTGRES, postgresPort, true);
        long self = ProcessHandle.current().pid();
        OptionalLong kafka = ListeningPorts.pidOf(kafkaPort);
        boolean inThisJvm = kafka.isPresent() && kafka.getAsLong() == self;
        String kafkaPart = inThisJvm ? "kafka (this JVM but the load generator)" : "kafka (its JVM)";
        if (kafka.isPresent() && !inThisJvm) {
            processes.add(new Process(kafkaPart, kafka.getAsLong(), false));
        } else if (kafka.isEmpty()) {
            notFound.add("kafka (port " + kafkaPort + ")");
        }
        return new CpuMeter(processes, inThisJvm, kafkaPart, notFound);
    }

    /** How this JVM's CPU is attributed, for a footnote. */
    String attribution() {
        return kafkaInThisJvm
                ? "Kafka runs in this JVM: its row is the JVM's CPU but the load generator's threads (so with the JVM's GC and JIT)"
                : "the load generator's row is this whole JVM, its start-up, JIT and GC included";
    }

    /** What could not be found (its CPU is missing from the totals). */
    List<String> notFound() {
        return notFound;
    }

    Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        processes.forEach(p -> pids.put(p.name(), p.pid()));
        if (kafkaInThisJvm) {
            pids.put(kafkaPart, ProcessHandle.current().pid());
        }
        pids.put(LOAD_GENERATOR, ProcessHandle.current().pid());
        return pids;
    }

    Sample sample() {
        long wall = System.nanoTime();
        Map<String, Long> cpu = new LinkedHashMap<>();
        for (Process process : processes) {
            long nanos = ProcessCpu.nanos(process.pid(), process.withChildren());
            if (process.withChildren()) {
                nanos += ProcessHandle.of(process.pid()).stream().flatMap(ProcessHandle::descendants)
                        .mapToLong(child -> ProcessCpu.nanos(child.pid(), false)).sum();
            }
            cpu.put(process.name(), nanos);
        }
        long benchThreads = benchThreadNanos();
        if (kafkaInThisJvm) {
            cpu.put(kafkaPart, ProcessCpu.nanos(ProcessHandle.current().pid(), false) - benchThreads);
            cpu.put(LOAD_GENERATOR, benchThreads);
        } else {
            // Kafka runs elsewhere: all of this JVM is the bench.
            cpu.put(LOAD_GENERATOR, ProcessCpu.nanos(ProcessHandle.current().pid(), false));
        }
        return new Sample(wall, cpu);
    }

    /**
     * CPU of the load generator's threads and the JDK HTTP clients' threads (idle unless the bench sends), summed
     * from each thread's own count since the previous sample: a thread that ends (an HTTP client that is collected
     * takes its selector thread along) must not take its past CPU out of the total.
     */
    private synchronized long benchThreadNanos() {
        Map<Long, Long> now = new HashMap<>();
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread != null && (thread.getThreadName().startsWith(OpenLoopLoad.THREAD_PREFIX)
                    || thread.getThreadName().startsWith("HttpClient-"))) {
                long nanos = threads.getThreadCpuTime(thread.getThreadId());
                if (nanos >= 0) {
                    now.put(thread.getThreadId(), nanos);
                }
            }
        }
        now.forEach((id, nanos) -> benchThreadsTotal += Math.max(0, nanos - lastBenchThreads.getOrDefault(id, 0L)));
        lastBenchThreads = now;
        return benchThreadsTotal;
    }

    private static void add(List<Process> processes, List<String> notFound, String name, int port, boolean withChildren) {
        OptionalLong pid = ListeningPorts.pidOf(port);
        if (pid.isPresent()) {
            processes.add(new Process(name, pid.getAsLong(), withChildren));
        } else {
            notFound.add(name + " (port " + port + ")");
        }
    }
}
