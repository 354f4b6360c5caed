package dev.kassa.launcher.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * CPU used by each part of the system, sampled before and after a window: each service's JVM, PostgreSQL (the
 * postmaster, its live processes and the backends it has reaped), Kafka's JVM and the load generator (this JVM).
 *
 * <p>Each part is found by the port it listens on. A part whose process ends during a run (killed, then restarted by
 * the supervisor) is found again on its port; what the ended process used since the previous sample cannot be read
 * any more, so its figure is low by that much and {@link #notes()} says so.
 */
final class CpuMeter {

    /**
     * A sample: CPU nanoseconds per part, in a stable order, and when it was taken; {@code jitNanos} has the part of
     * each JVM's CPU that its JIT compiler threads used (PostgreSQL has none).
     */
    record Sample(long wallNanos, Map<String, Long> cpuNanos, Map<String, Long> jitNanos) {

        Sample minus(Sample earlier) {
            return new Sample(wallNanos - earlier.wallNanos, difference(cpuNanos, earlier.cpuNanos),
                    difference(jitNanos, earlier.jitNanos));
        }

        private static Map<String, Long> difference(Map<String, Long> later, Map<String, Long> earlier) {
            Map<String, Long> used = new LinkedHashMap<>();
            later.forEach((part, nanos) -> used.put(part, nanos - earlier.getOrDefault(part, 0L)));
            return used;
        }

        long totalNanos() {
            return cpuNanos.values().stream().mapToLong(Long::longValue).sum();
        }

        long nanos(String part) {
            return cpuNanos.getOrDefault(part, 0L);
        }

        /** The JIT compiler threads' nanoseconds of a JVM part; empty for a part that is not a JVM. */
        OptionalLong jit(String part) {
            Long nanos = jitNanos.get(part);
            return nanos == null ? OptionalLong.empty() : OptionalLong.of(nanos);
        }

        long totalJitNanos() {
            return jitNanos.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    static final String POSTGRES = "postgresql";
    static final String KAFKA = "kafka";
    static final String LOAD_GENERATOR = "load generator";

    /** One part: the process on its port and the CPU its processes used. */
    private static final class Part {
        final String name;
        final int port;
        final boolean withChildren;
        final CumulativeCpu cpu;
        /** Its JIT compiler threads' CPU; none for PostgreSQL, the one part that is not a JVM. */
        final CumulativeCpu jit;

        Part(String name, int port, boolean withChildren, boolean jvm, long pid) {
            this.name = name;
            this.port = port;
            this.withChildren = withChildren;
            this.cpu = new CumulativeCpu(pid);
            this.jit = jvm ? new CumulativeCpu(pid) : null;
        }
    }

    private final List<Part> parts;
    private final List<String> notFound;
    private final List<String> notes = new ArrayList<>();

    private CpuMeter(List<Part> parts, List<String> notFound) {
        this.parts = parts;
        this.notFound = notFound;
    }

    /** Finds the processes by the ports they listen on: {@code services} maps a name to its port. */
    static CpuMeter locate(Map<String, Integer> services, int postgresPort, int kafkaPort) {
        List<Part> parts = new ArrayList<>();
        List<String> notFound = new ArrayList<>();
        services.forEach((name, port) -> add(parts, notFound, name, port, false, true));
        add(parts, notFound, POSTGRES, postgresPort, true, false);
        add(parts, notFound, KAFKA, kafkaPort, false, true);
        return new CpuMeter(parts, notFound);
    }

    /** How this JVM's CPU is attributed, for a footnote. */
    String attribution() {
        return "the load generator's row is this whole JVM, its start-up, JIT and GC included";
    }

    /** What could not be found (its CPU is missing from the totals). */
    List<String> notFound() {
        return notFound;
    }

    /** Parts whose process ended and was found again during the run (their figures are low), for a footnote. */
    synchronized List<String> notes() {
        return List.copyOf(notes);
    }

    synchronized Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        parts.forEach(part -> pids.put(part.name, part.cpu.pid()));
        pids.put(LOAD_GENERATOR, ProcessHandle.current().pid());
        return pids;
    }

    synchronized Sample sample() {
        long wall = System.nanoTime();
        Map<String, Long> cpu = new LinkedHashMap<>();
        Map<String, Long> jit = new LinkedHashMap<>();
        for (Part part : parts) {
            long pid = part.cpu.pid();
            if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) {
                OptionalLong again = ListeningPorts.pidOf(part.port);
                if (again.isEmpty() || again.getAsLong() == pid) {
                    // Ended, and not started again yet: what it used until the last sample still counts.
                    cpu.put(part.name, part.cpu.total());
                    if (part.jit != null) {
                        jit.put(part.name, part.jit.total());
                    }
                    continue;
                }
                notes.add(part.name + " (pid " + pid + ") ended during the run and runs again as pid "
                        + again.getAsLong() + ": its figure leaves out what the ended process used since the"
                        + " sample before");
                pid = again.getAsLong();
            }
            long nanos = ProcessCpu.nanos(pid, part.withChildren);
            if (part.withChildren) {
                nanos += ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants)
                        .mapToLong(child -> ProcessCpu.nanos(child.pid(), false)).sum();
            }
            cpu.put(part.name, part.cpu.read(pid, nanos));
            if (part.jit != null) {
                jit.put(part.name, part.jit.read(pid, ProcessCpu.jitNanos(pid)));
            }
        }
        long self = ProcessHandle.current().pid();
        cpu.put(LOAD_GENERATOR, ProcessCpu.nanos(self, false));
        jit.put(LOAD_GENERATOR, ProcessCpu.jitNanos(self));
        return new Sample(wall, cpu, jit);
    }

    private static void add(List<Part> parts, List<String> notFound, String name, int port, boolean withChildren,
                            boolean jvm) {
        OptionalLong pid = ListeningPorts.pidOf(port);
        if (pid.isPresent()) {
            parts.add(new Part(name, port, withChildren, jvm, pid.getAsLong()));
        } else {
            notFound.add(name + " (port " + port + ")");
        }
    }
}
