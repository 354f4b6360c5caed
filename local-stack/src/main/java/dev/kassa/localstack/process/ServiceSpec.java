package dev.kassa.localstack.process;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to start one service: its executable jar, its port, Spring properties passed as {@code --key=value}
 * arguments, JVM options and the file its output goes to.
 */
public record ServiceSpec(String name, Path jar, int port, Map<String, String> properties,
                          List<String> jvmOptions, Path logFile) {

    /**
     * Tuned for steady state on a small machine that runs five of these at once: the full tiered JIT (C2 code
     * takes a fraction of C1's CPU per payment, for some more compilation in the first seconds) and the serial
     * collector (no GC threads competing for two cores; pauses stay short with heaps this small).
     */
    public static final List<String> DEFAULT_JVM_OPTIONS =
            List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC");

    public ServiceSpec {
        properties = Map.copyOf(properties);
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** A spec with the default JVM options and {@code server.port} set to {@code port}. */
    public static ServiceSpec of(String name, Path jar, int port, Map<String, String> properties, Path logFile) {
        Map<String, String> all = new LinkedHashMap<>(properties);
        all.put("server.port", Integer.toString(port));
        return new ServiceSpec(name, jar, port, all, DEFAULT_JVM_OPTIONS, logFile);
    }
}
