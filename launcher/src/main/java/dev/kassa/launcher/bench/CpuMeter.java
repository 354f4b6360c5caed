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
    static final String KAFKA = "kafka";
    static final String LOAD_GENERATOR = "load generator";

    /** One part: the process on its port and the CPU its processes used. */
    private static final class Part {
        final String name;
        final int port;
        final boolean withChildren;
        final CumulativeCpu cpu;

        Part(String name, int port, boolean withChildren, long pid) {
            this.name = name;
            this.port = port;
            this.withChildren = withChildren;
            this.cpu = new CumulativeCpu(pid);
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
        services.forEach((name, port) -> add(parts, notFound, name, port, false));
        add(parts, notFound, POSTGRES, postgresPort, true);
        add(parts, notFound, KAFKA, kafkaPort, false);
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
        for (Part part : parts) {
            long pid = part.cpu.pid();
            if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) {
                OptionalLong again = ListeningPorts.pidOf(part.port);
                if (again.isEmpty() || again.getAsLong() == pid) {
                    // Ended, and not started again yet: what it used until the last sample still counts.
                    cpu.put(part.name, part.cpu.total());
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
        }
        cpu.put(LOAD_GENERATOR, ProcessCpu.nanos(ProcessHandle.current().pid(), false));
        return new Sample(wall, cpu);
    }

    private static void add(List<Part> parts, List<String> notFound, String name, int port, boolean withChildren) {
        OptionalLong pid = ListeningPorts.pidOf(port);
        if (pid.isPresent()) {
            parts.add(new Part(name, port, withChildren, pid.getAsLong()));
        } else {
            notFound.add(name + " (port " + port + ")");
        }
    }
}
